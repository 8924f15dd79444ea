package dev.switchboard.routing.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.Identities;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.RedisCustomerDirectory;
import dev.switchboard.routing.customer.TimelineEntry;
import dev.switchboard.routing.customer.TimelinePage;
import dev.switchboard.routing.dispatch.EnqueueResult;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimelineOutcomesIT {

  private final Vertx vertx = Vertx.vertx();
  private final TestRedis.Connected redis = TestRedis.connect(vertx);
  private final RedisCustomerDirectory directory =
      new RedisCustomerDirectory(redis.store(), new IdentityNormalizer("KR"), 100, Clock.systemUTC());
  private final QueueId support = new QueueId("support");
  private final Router router = new Router(vertx, redis.store(), Clock.systemUTC(),
      new RoutingRules(Set.of("general"), Set.of(), ChannelCosts.defaults(),
          List.of(QueuePolicy.of(support, EnumSet.of(Channel.CHAT), Map.of("general", 1)))),
      RoutingSettings.defaults(), new TimelineOutcomes(vertx, directory, Duration.ofMillis(50)));

  @AfterEach
  void close() {
    await(router.stop());
    redis.close();
    await(vertx.close());
  }

  @Test
  void handledContactLandsInTheCustomersTimelineWithItsTimesAndDisposition() {
    await(router.start());
    CustomerId customer = new CustomerId("c-outcome");
    await(directory.save(new Customer(customer, "Han Sua", "gold", BigDecimal.TEN, List.of(), Optional.empty(),
        Optional.empty(), "", Map.of(), Identities.NONE, Instant.now())));
    AgentId agent = new AgentId("agent-7");
    await(router.login(new AgentProfile(agent, "Agent Seven", Map.of("general", 5), 100, EnumSet.of(Channel.CHAT),
        Optional.empty(), Map.of())).compose(session -> router.setPresence(agent, Presence.ready())));

    EnqueueResult result = await(router.enqueue(ContactRequest.of(Channel.CHAT, support).withCustomer(customer)));
    var contact = ((EnqueueResult.Queued) result).contact();
    await(router.accept(contact, agent));
    await(router.complete(contact, agent, Optional.of("resolved"), "asked about delivery"));

    TimelineEntry entry = awaitEntry(customer);
    assertThat(entry.kind()).isEqualTo("contact");
    assertThat(entry.channel()).isEqualTo("chat");
    assertThat(entry.summary()).isEqualTo("chat in support handled by agent-7 (resolved)");
    assertThat(entry.details()).containsEntry("agent", "agent-7").containsEntry("disposition", "resolved")
        .containsEntry("notes", "asked about delivery").containsEntry("contact", contact.value())
        .containsKeys("waitSeconds", "ringSeconds", "handleSeconds", "wrapUpSeconds");
  }

  private TimelineEntry awaitEntry(CustomerId customer) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      TimelinePage page = await(directory.timeline(customer, Optional.empty(), 10));
      if (!page.entries().isEmpty()) {
        return page.entries().get(0);
      }
      sleepBriefly();
    }
    throw new AssertionError("no timeline entry for " + customer + " within 10 s");
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
