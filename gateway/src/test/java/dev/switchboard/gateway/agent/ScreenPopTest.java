package dev.switchboard.gateway.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.CustomerJson;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.customer.Lookup;
import dev.switchboard.routing.customer.Match;
import dev.switchboard.routing.customer.TimelineEntry;
import dev.switchboard.routing.customer.TimelinePage;
import dev.switchboard.routing.dispatch.RoutingEvent;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScreenPopTest {

  private static final CustomerJson JSON = new CustomerJson(new IdentityNormalizer("KR"));
  private static final Customer MINJI = JSON.fromJson(new JsonObject().put("id", "c1").put("name", "Minji")
      .put("tier", "gold").put("phones", new io.vertx.core.json.JsonArray().add("010-1234-5678")));
  private static final Customer MINSU = JSON.fromJson(new JsonObject().put("id", "c2").put("name", "Minsu")
      .put("phones", new io.vertx.core.json.JsonArray().add("010-1234-5678")));

  @Test
  void offerCarriesCustomerTimelineAndMatch() {
    ScreenPop pop = new ScreenPop(new FixedDirectory(false), JSON);

    JsonObject frame = pop.offer(offer(Optional.of(MINJI.id()), Map.of("match", "phone", "matchValue", "+821012345678")))
        .result();

    assertThat(frame.getString("type")).isEqualTo("offer");
    assertThat(frame.getJsonObject("customer").getString("name")).isEqualTo("Minji");
    assertThat(frame.getJsonArray("timeline")).hasSize(1);
    assertThat(frame.getJsonArray("candidates")).isEmpty();
    assertThat(frame.containsKey("popError")).isFalse();
  }

  @Test
  void ambiguousOfferListsEveryCandidateWithHowItMatched() {
    ScreenPop pop = new ScreenPop(new FixedDirectory(false), JSON);

    JsonObject frame = pop.offer(offer(Optional.empty(), Map.of("match", "phone", "matchValue", "010-1234-5678",
        "ambiguous", "true"))).result();

    assertThat(frame.getValue("customer")).isNull();
    assertThat(frame.getJsonArray("candidates")).hasSize(2);
    assertThat(frame.getJsonArray("candidates").getJsonObject(0).getString("how"))
        .isEqualTo("phone +821012345678 (normalized from 010-1234-5678)");
  }

  @Test
  void unreachableDirectoryStillOffersWithAPopError() {
    ScreenPop pop = new ScreenPop(new FixedDirectory(true), JSON);

    Future<JsonObject> frame = pop.offer(offer(Optional.of(MINJI.id()), Map.of()));

    assertThat(frame.succeeded()).isTrue();
    assertThat(frame.result().getString("contact")).isEqualTo("k1");
    assertThat(frame.result().getString("popError")).contains("could not be loaded");
  }

  private static RoutingEvent.ContactChanged offer(Optional<CustomerId> customer, Map<String, String> attributes) {
    AgentId agent = new AgentId("alice");
    return new RoutingEvent.ContactChanged(new ContactId("k1"), Optional.of(ContactState.QUEUED), ContactState.OFFERED,
        new QueueId("support"), Channel.VOICE, Optional.of(agent), "offer", Optional.of(Instant.EPOCH), customer,
        attributes, Instant.EPOCH, Optional.of(agent), 3);
  }

  /** Two customers sharing one phone, one timeline entry each; or a directory that is down. */
  private record FixedDirectory(boolean down) implements CustomerDirectory {

    private <T> Future<T> answer(T value) {
      return down ? Future.failedFuture(new StoreUnavailableException("Redis is unreachable", null))
          : Future.succeededFuture(value);
    }

    @Override
    public Future<Customer> save(Customer customer) {
      return answer(customer);
    }

    @Override
    public Future<Integer> saveAll(List<Customer> customers) {
      return answer(customers.size());
    }

    @Override
    public Future<Optional<Customer>> get(CustomerId id) {
      return answer(List.of(MINJI, MINSU).stream().filter(customer -> customer.id().equals(id)).findFirst());
    }

    @Override
    public Future<Boolean> delete(CustomerId id) {
      return answer(false);
    }

    @Override
    public Future<Lookup> lookup(IdentityType type, String query) {
      return answer(new Lookup(type, query, "+821012345678", List.of(
          new Match(MINJI, IdentityType.PHONE, "+821012345678", false),
          new Match(MINSU, IdentityType.PHONE, "+821012345678", false))));
    }

    @Override
    public Future<List<Customer>> searchByName(String prefix, int limit) {
      return answer(List.of());
    }

    @Override
    public Future<Void> appendTimeline(CustomerId id, TimelineEntry entry) {
      return answer(null);
    }

    @Override
    public Future<TimelinePage> timeline(CustomerId id, Optional<String> cursor, int limit) {
      return answer(new TimelinePage(List.of(new TimelineEntry(Instant.EPOCH, "contact", "voice", "Voice: handled",
          Map.of())), Optional.empty()));
    }
  }
}
