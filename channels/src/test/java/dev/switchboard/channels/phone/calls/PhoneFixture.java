package dev.switchboard.channels.phone.calls;

import dev.switchboard.channels.phone.AmiLink;
import dev.switchboard.channels.phone.AmiSettings;
import dev.switchboard.channels.phone.CallerHangupRelay;
import dev.switchboard.channels.phone.FastAgiEntry;
import dev.switchboard.channels.phone.FastAgiSettings;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.contact.EndedContact;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.RedisCustomerDirectory;
import dev.switchboard.routing.dispatch.ContactSnapshot;
import dev.switchboard.routing.dispatch.ContactTransition;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingEvent;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.queue.BusinessHours;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.testing.TestRedis;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The whole phone path on real parts: a PBX simulator over TCP, the FastAGI entry and AMI link, the
 * router on the test Redis with its event feed, the customer directory, and {@link PhoneCalls}.
 */
final class PhoneFixture implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(20);

  final Vertx vertx = Vertx.vertx();
  final Context context = vertx.getOrCreateContext();
  final TestRedis.Connected redis = TestRedis.connect(vertx);
  final StatefulRedisPubSubConnection<String, String> pubSub = redis.client().connectPubSub();
  final List<EndedContact> ended = new CopyOnWriteArrayList<>();
  final List<RoutingEvent> routingEvents = new CopyOnWriteArrayList<>();
  final Map<AgentId, String> devices = new ConcurrentHashMap<>();
  final RoutingView view = new RoutingView(redis.store(), Clock.systemUTC());
  final RedisCustomerDirectory directory =
      new RedisCustomerDirectory(redis.store(), new IdentityNormalizer("DE"), 100, Clock.systemUTC());
  final Router router;
  final PbxSimulator pbx;
  final AmiLink ami;
  final PhoneCalls calls;
  final RoutedCallIntake intake;
  final CallerHangupRelay relay;
  final FastAgiEntry entry;
  final EventFeed feed;

  PhoneFixture(List<QueuePolicy> queues, PhoneCallSettings settings, Duration intakeTimeout) throws Exception {
    int agiPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      agiPort = socket.getLocalPort();
    }
    router = new Router(vertx, redis.store(), Clock.systemUTC(),
        new RoutingRules(Set.of("support", "billing"), Set.of("break"), ChannelCosts.defaults(), queues),
        RoutingSettings.defaults().withOfferTimeout(Duration.ofSeconds(5)).withSweepInterval(Duration.ofMillis(200)),
        contact -> {
          ended.add(contact);
          return Future.succeededFuture();
        });
    pbx = PbxSimulator.builder().amiUser("cti", "s3cret").agiServer(agiPort).start();
    PhoneCalls[] holder = new PhoneCalls[1];
    CallerHangupRelay[] relayHolder = new CallerHangupRelay[1];
    ami = new AmiLink(vertx, AmiSettings.of("127.0.0.1", pbx.amiPort(), "cti", "s3cret")
        .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500)), event -> {
          relayHolder[0].onEvent(event);
          holder[0].onEvent(event);
        });
    calls = new PhoneCalls(vertx, context, ami, router, view, agent -> Optional.ofNullable(devices.get(agent)),
        new TimelineCallNotes(directory), settings, Clock.systemUTC());
    holder[0] = calls;
    intake = new RoutedCallIntake(directory, router, calls, intakeTimeout, Clock.systemUTC());
    relay = new CallerHangupRelay(context, intake);
    relayHolder[0] = relay;
    entry = new FastAgiEntry(vertx, new FastAgiSettings("127.0.0.1", agiPort, 100, intakeTimeout), intake,
        raw -> raw.matches("\\+[1-9][0-9]{4,14}") ? Optional.of(raw)
            : raw.matches("0[1-9][0-9]{3,12}") ? Optional.of("+49" + raw.substring(1)) : Optional.empty(),
        relay);
    feed = new EventFeed(vertx, redis.store().keys(), pubSub);
    onContext(() -> router.start()
        .compose(started -> feed.start(event -> {
          routingEvents.add(event);
          calls.onRouting(event);
        }))
        .compose(subscribed -> entry.start())
        .compose(listening -> ami.start())
        .compose(linking -> calls.start()));
    until(() -> ami.status().isReady(), () -> "AMI link ready: " + ami.status());
  }

  static PhoneFixture standard() throws Exception {
    return standard(Duration.ofSeconds(5));
  }

  static PhoneFixture standard(Duration intakeTimeout) throws Exception {
    return new PhoneFixture(List.of(
        QueuePolicy.of(new dev.switchboard.routing.queue.QueueId("support"), EnumSet.of(Channel.VOICE),
            Map.of("support", 1)),
        QueuePolicy.of(new dev.switchboard.routing.queue.QueueId("billing"), EnumSet.of(Channel.VOICE),
            Map.of("billing", 1)),
        QueuePolicy.of(new dev.switchboard.routing.queue.QueueId("night"), EnumSet.of(Channel.VOICE), Map.of())
            .withHours(new BusinessHours(ZoneOffset.UTC, Map.of(), Set.of(), "voicemail"))),
        PhoneCallSettings.defaults().withReconcileInterval(Duration.ofSeconds(2)), intakeTimeout);
  }

  /** Logs an agent in with a phone, READY. */
  AgentId ready(String id, String device, Map<String, Integer> skills) {
    AgentId agent = loggedIn(id, device, skills);
    onContext(() -> router.setPresence(agent, Presence.ready()));
    return agent;
  }

  AgentId loggedIn(String id, String device, Map<String, Integer> skills) {
    AgentId agent = new AgentId(id);
    devices.put(agent, device);
    onContext(() -> router.login(AgentProfile.of(agent, "Agent " + id, skills).withPhoneDevice(device)));
    return agent;
  }

  ContactSnapshot contact(ContactId id) {
    return onContext(() -> view.contact(id)).orElseThrow();
  }

  List<ContactTransition> history(ContactId id) {
    return onContext(() -> view.history(id));
  }

  void awaitState(ContactId id, ContactState state) {
    until(() -> onContext(() -> view.contact(id)).map(found -> found.state() == state).orElse(false),
        () -> "contact " + id + " " + state + "; history " + history(id));
  }

  Optional<EndedContact> endedContact(ContactId id) {
    return ended.stream().filter(contact -> contact.id().equals(id)).findFirst();
  }

  <T> T onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(ignored -> action.get().onComplete(promise));
    try {
      return promise.future().toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("no answer within " + WAIT, e);
    }
  }

  static void until(BooleanSupplier condition, Supplier<String> what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted awaiting " + what.get(), e);
      }
    }
  }

  @Override
  public void close() {
    onContext(() -> calls.stop().compose(done -> ami.stop()).compose(done -> entry.stop())
        .compose(done -> router.stop()));
    pbx.close();
    pubSub.close();
    redis.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
