package dev.switchboard.routing.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.EndedContact;
import dev.switchboard.routing.contact.Outcome;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.TimelineEntry;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.testing.PartialCustomerDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimelineOutcomesTest {

  private final Vertx vertx = Vertx.vertx();
  private final TimelineDirectory directory = new TimelineDirectory();
  private final TimelineOutcomes outcomes = new TimelineOutcomes(vertx, directory, Duration.ofMillis(1));

  @AfterEach
  void close() {
    vertx.close();
  }

  private static EndedContact ended(Optional<CustomerId> customer, Outcome outcome) {
    Instant start = Instant.parse("2026-03-02T10:00:00Z");
    return new EndedContact(new ContactId("c-1"), Channel.VOICE, new QueueId("sales"), customer, outcome, start,
        start.plusSeconds(400), Duration.ofSeconds(35), Duration.ofSeconds(12), Duration.ofSeconds(300),
        Duration.ofSeconds(30), Optional.of(new AgentId("ann")), Optional.of("sold"), "upgraded to gold", Map.of());
  }

  @Test
  void writesAHandledContactIntoTheCustomersTimeline() {
    CustomerId customer = new CustomerId("cust-9");
    assertThat(outcomes.ended(ended(Optional.of(customer), Outcome.HANDLED)).succeeded()).isTrue();

    assertThat(directory.appended).singleElement().satisfies(appended -> {
      assertThat(appended.id()).isEqualTo(customer);
      TimelineEntry entry = appended.entry();
      assertThat(entry.kind()).isEqualTo("contact");
      assertThat(entry.channel()).isEqualTo("phone");
      assertThat(entry.at()).isEqualTo(Instant.parse("2026-03-02T10:06:40Z"));
      assertThat(entry.summary()).isEqualTo("voice in sales handled by ann (sold)");
      assertThat(entry.details()).containsEntry("waitSeconds", "35").containsEntry("handleSeconds", "300")
          .containsEntry("disposition", "sold").containsEntry("notes", "upgraded to gold").containsEntry("outcome", "handled");
    });
  }

  @Test
  void describesAnAbandonAndSkipsContactsWithoutCustomer() {
    outcomes.ended(ended(Optional.empty(), Outcome.HANDLED));
    assertThat(directory.appended).isEmpty();
    outcomes.ended(ended(Optional.of(new CustomerId("cust-1")), Outcome.ABANDONED));
    assertThat(directory.appended).singleElement().extracting(appended -> appended.entry().summary())
        .isEqualTo("voice in sales abandoned after 35 s");
  }

  /** Records timeline appends; the rest of the directory is not needed here. */
  private static final class TimelineDirectory extends PartialCustomerDirectory {
    record Appended(CustomerId id, TimelineEntry entry) {}

    final List<Appended> appended = new ArrayList<>();

    @Override
    public Future<Void> appendTimeline(CustomerId id, TimelineEntry entry) {
      appended.add(new Appended(id, entry));
      return Future.succeededFuture();
    }
  }
}
