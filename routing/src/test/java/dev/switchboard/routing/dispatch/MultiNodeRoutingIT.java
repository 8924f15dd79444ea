package dev.switchboard.routing.dispatch;

import static dev.switchboard.routing.dispatch.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.contact.EndedContact;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.store.RedisStore;
import dev.switchboard.routing.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Four routers, each with its own Vert.x and Redis connections, share one center. Agents live on one
 * node each and accept, reject or ignore offers at random; customers hang up at random. A fifth
 * connection replays every published event and checks the routing rules held throughout.
 */
class MultiNodeRoutingIT {

  private static final int NODES = 4;
  private static final int AGENTS = 120;
  private static final int CONTACTS = 1200;
  private static final Channel[] CHANNELS = {Channel.VOICE, Channel.CHAT, Channel.EMAIL};

  private final String center = TestRedis.freshCenter();
  private final RedisClient client = RedisClient.create(TestRedis.uri());
  private final List<Vertx> vertxes = new ArrayList<>();
  private final List<Router> routers = new ArrayList<>();
  private final List<AutoCloseable> connections = new ArrayList<>();
  private final Map<ContactId, EndedContact> ended = new ConcurrentHashMap<>();
  private final List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final RoutingRules rules = Centers.rules();
  private final RoutingSettings settings = RoutingSettings.defaults().withOfferTimeout(Duration.ofMillis(300))
      .withPreferredAgentWait(Duration.ofMillis(200)).withSweepInterval(Duration.ofMillis(250));

  @AfterEach
  void close() throws Exception {
    for (Router router : routers) {
      await(router.stop());
    }
    for (AutoCloseable connection : connections) {
      connection.close();
    }
    for (Vertx vertx : vertxes) {
      await(vertx.close());
    }
    client.shutdown();
  }

  private Node node(int index) {
    Vertx vertx = Vertx.vertx();
    vertxes.add(vertx);
    StatefulRedisConnection<String, String> connection = client.connect();
    StatefulRedisPubSubConnection<String, String> pubsub = client.connectPubSub();
    connections.add(connection);
    connections.add(pubsub);
    RedisStore store = new RedisStore(vertx, connection, center);
    Router router = new Router(vertx, store, Clock.systemUTC(), rules, settings, contact -> {
      if (ended.put(contact.id(), contact) != null) {
        duplicates.add(contact.id().value());
      }
      return Future.succeededFuture();
    });
    await(router.start());
    routers.add(router);
    return new Node(index, vertx, router, new RoutingView(store, Clock.systemUTC()),
        new EventFeed(vertx, store.keys(), pubsub), unexpected);
  }

  @Test
  void severalRoutersOnOneRedisNeverDoubleAssignNeverExceedCapacityAndLoseNoContact() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      nodes.add(node(i));
    }
    RoutingInvariants invariants = new RoutingInvariants(rules.costs(), AgentProfile.DEFAULT_CAPACITY);
    Node observer = node(NODES);
    await(observer.feed().start(invariants::observe));
    Map<AgentId, Node> home = new ConcurrentHashMap<>();
    for (Node node : nodes) {
      await(node.feed().start(event -> node.react(event, home)));
    }
    for (int i = 0; i < AGENTS; i++) {
      Node node = nodes.get(i % NODES);
      AgentProfile profile = Centers.agent("agent-" + i, i % 3 == 0 ? Map.of("billing", 5) : Map.of("sales", 6, "billing", 4));
      home.put(profile.id(), node);
      await(node.router().login(profile).compose(session -> node.router().setPresence(session.agent(), Presence.ready())));
    }

    Set<ContactId> enqueued = ConcurrentHashMap.newKeySet();
    List<Future<?>> arrivals = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      Node node = nodes.get(i % NODES);
      ThreadLocalRandom random = ThreadLocalRandom.current();
      QueueId queue = random.nextBoolean() ? Centers.SALES : Centers.BILLING;
      ContactRequest request = ContactRequest.of(CHANNELS[random.nextInt(CHANNELS.length)], queue);
      if (random.nextInt(10) == 0) {
        request = request.withPreferredAgent(new AgentId("agent-" + random.nextInt(AGENTS)));
      }
      ContactRequest sent = request;
      arrivals.add(node.router().enqueue(sent).onSuccess(result -> {
        enqueued.add(result.contact());
        if (ThreadLocalRandom.current().nextInt(12) == 0) {
          node.vertx().setTimer(1 + ThreadLocalRandom.current().nextInt(300), id -> node.router().abandon(sent.id())
              .onFailure(node::expectRace));
        }
      }));
      if (i % 200 == 199) {
        await(Future.all(arrivals));
      }
    }
    await(Future.all(arrivals));
    assertThat(enqueued).hasSize(CONTACTS);

    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (ended.size() < CONTACTS && System.nanoTime() < deadline) {
      await(observer.vertx().timer(50));
    }
    await(observer.vertx().timer(300));

    assertThat(unexpected).isEmpty();
    assertThat(duplicates).as("contacts reported ended twice").isEmpty();
    assertThat(ended.keySet()).as("every contact ended exactly once").isEqualTo(enqueued);
    assertThat(invariants.violations()).isEmpty();
    assertThat(invariants.offers).isGreaterThan(CONTACTS / 2);
    assertThat(invariants.nothingHeld()).isTrue();
    Set<ContactState> finalStates = new HashSet<>(invariants.states().values());
    assertThat(finalStates).containsExactly(ContactState.ENDED);
    for (int i = 0; i < AGENTS; i++) {
      AgentSnapshot agent = await(observer.view().agent(new AgentId("agent-" + i))).orElseThrow();
      assertThat(agent.used()).as(agent.id() + " capacity in use").isZero();
      assertThat(agent.contacts()).isEmpty();
    }
    assertThat(await(observer.view().waiting(Centers.SALES))).isEmpty();
    assertThat(await(observer.view().waiting(Centers.BILLING))).isEmpty();
  }

  private record Node(int index, Vertx vertx, Router router, RoutingView view, EventFeed feed,
      List<Throwable> unexpected) {

    void react(RoutingEvent event, Map<AgentId, Node> home) {
      if (event.recipient().isEmpty() || home.get(event.recipient().get()) != this) {
        return;
      }
      AgentId agent = event.recipient().get();
      if (event instanceof RoutingEvent.ContactChanged offer && offer.state() == ContactState.OFFERED) {
        int choice = ThreadLocalRandom.current().nextInt(20);
        if (choice < 16) {
          router.accept(offer.contact(), agent).onSuccess(accepted -> vertx.setTimer(
              1 + ThreadLocalRandom.current().nextInt(30),
              id -> router.complete(offer.contact(), agent, Optional.empty(), "").onFailure(this::unexpected)))
              .onFailure(this::expectRace);
        } else if (choice < 18) {
          router.reject(offer.contact(), agent).onFailure(this::expectRace);
        }
      }
      if (event instanceof RoutingEvent.AgentChanged changed
          && changed.presence().equals(Presence.notReady(Presence.MISSED))) {
        vertx.setTimer(20, id -> router.setPresence(agent, Presence.ready()).onFailure(this::unexpected));
      }
    }

    void expectRace(Throwable failure) {
      if (!(failure instanceof OfferExpiredException) && !(failure instanceof ContactStateException)) {
        unexpected(failure);
      }
    }

    void unexpected(Throwable failure) {
      unexpected.add(failure);
    }
  }
}
