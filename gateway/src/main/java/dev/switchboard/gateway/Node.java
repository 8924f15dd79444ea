package dev.switchboard.gateway;

import dev.switchboard.channels.webchat.ChatLimits;
import dev.switchboard.channels.webchat.RedisConversations;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.channels.webchat.Conversations;
import dev.switchboard.gateway.agent.DeskRoutes;
import dev.switchboard.gateway.agent.DeskSettings;
import dev.switchboard.gateway.api.AgentRoutes;
import dev.switchboard.gateway.api.CustomerRoutes;
import dev.switchboard.gateway.api.ImportRoutes;
import dev.switchboard.gateway.api.SupervisorRoutes;
import dev.switchboard.gateway.auth.AccountProvisioning;
import dev.switchboard.gateway.auth.AuthRoutes;
import dev.switchboard.gateway.routing.ConfiguredRouting;
import dev.switchboard.gateway.chat.ChatSettings;
import dev.switchboard.gateway.chat.ChatSites;
import dev.switchboard.gateway.chat.VisitorChat;
import dev.switchboard.gateway.phone.PhoneChannel;
import dev.switchboard.gateway.redis.RedisConnection;
import dev.switchboard.gateway.web.HealthRoutes;
import dev.switchboard.gateway.web.ReadinessCheck;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerImport;
import dev.switchboard.routing.customer.CustomerJson;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.RedisCustomerDirectory;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.RedisAgentDirectory;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingView;
import dev.switchboard.routing.store.RedisStore;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Switchboard node: the composition root. {@link #start} creates the infrastructure
 * (metrics registry, Redis link, Vert.x), wires the features and opens the HTTP port;
 * {@link #close} stops them in reverse order. Both block and must run off the event loops.
 */
public final class Node implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Node.class);

  private final SwitchboardConfig config;
  private final RedisConnection redis;
  private final Vertx vertx;
  private final CustomerDirectory directory;
  private final CustomerImport importer;
  private final AccountProvisioning accounts;
  private final Routing routing;
  private final Optional<PhoneChannel> phone;
  private final int port;

  private Node(SwitchboardConfig config, RedisConnection redis, Vertx vertx, CustomerDirectory directory,
      CustomerImport importer, AccountProvisioning accounts, Routing routing, Optional<PhoneChannel> phone, int port) {
    this.config = config;
    this.redis = redis;
    this.vertx = vertx;
    this.directory = directory;
    this.importer = importer;
    this.accounts = accounts;
    this.routing = routing;
    this.phone = phone;
    this.port = port;
  }

  /** Starts a node routing as its configuration says, without web chat; returns once it serves HTTP. */
  public static Node start(SwitchboardConfig config) {
    return start(config, ConfiguredRouting.from(config), DeskSettings.defaults(), Optional.empty());
  }

  /**
   * Starts a node routing with {@code routing}, its desktops using {@code desk}, and chat conversations kept in
   * Redis unless {@code conversations} replaces them (tests);
   * returns once it serves HTTP.
   */
  public static Node start(SwitchboardConfig config, ConfiguredRouting routing, DeskSettings desk,
      Optional<Conversations> conversationsOverride) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    RedisConnection redis = RedisConnection.open(config.redis(), registry);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setPreferNativeTransport(true).setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
            .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE, Label.POOL_NAME))))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    try {
      Clock clock = Clock.systemUTC();
      RedisStore store = new RedisStore(vertx, redis.perEventLoop(vertx), config.redis().center());
      IdentityNormalizer normalizer = new IdentityNormalizer(config.directory().defaultRegion());
      CustomerDirectory directory = new RedisCustomerDirectory(store, normalizer,
          config.directory().timelineLimit(), clock);
      CustomerJson json = new CustomerJson(normalizer);
      CustomerImport importer = new CustomerImport(directory, json);
      WorkerExecutor importWorkers = vertx.createSharedWorkerExecutor("customer-import", 1, 1, TimeUnit.DAYS);
      CustomerRoutes customers = new CustomerRoutes(directory, json, clock);
      ImportRoutes imports = new ImportRoutes(vertx, importer, importWorkers, config.server().importLimitBytes());
      AuthRoutes auth = AuthRoutes.create(store, vertx.createSharedWorkerExecutor("auth-hash", 2, 30, TimeUnit.SECONDS),
          clock);
      ChatLimits limits = ChatLimits.defaults();
      Conversations conversations = conversationsOverride.orElseGet(() ->
          new RedisConversations(store, redis.openPubSub(), clock, limits));
      await(auth.provisioning().ensureAdmin(Optional.ofNullable(System.getenv(
          AccountProvisioning.ADMIN_PASSWORD_VARIABLE)), System.out), "set up the initial admin account");
      Routing routed = Routing.start(vertx, redis, store, clock, routing, directory, json, conversations, desk,
          registry);
      SupervisorRoutes supervisors = new SupervisorRoutes(routing.rules(), routed.view());
      AgentRoutes agentAdmin = new AgentRoutes(new RedisAgentDirectory(store), routing.rules(),
          routing.agents().keySet(), routed.view(), routed.router(), auth.provisioning());
      DeskRoutes deskRoutes = new DeskRoutes(routed.hub(), auth);
      VisitorChat chat = new VisitorChat(store, conversations, routed.router(), routing.rules(), routed.view(),
          directory, normalizer, chatSites(config), ChatSettings.from(config.chat().limits()), limits, clock);
      await(chat.start(routed.feed()), "subscribe to chat and routing events");
      Optional<PhoneChannel> phone = config.phone().map(section -> await(PhoneChannel.start(vertx, section,
          routed.router(), routed.view(), directory, normalizer, new RedisAgentDirectory(store),
          routed.feed(), clock), "start the phone channel"));
      phone.ifPresent(routed.hub()::attachPhone);
      phone.ifPresent(channel -> channel.bindMetrics(registry));
      List<ReadinessCheck> checks = new ArrayList<>(List.of(redisCheck(store, redis)));
      phone.ifPresent(channel -> checks.addAll(channel.readiness()));
      HealthRoutes health = new HealthRoutes(checks);

      int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
      await(vertx.deployVerticle(
          () -> new HttpGateway(config.server(), registry, health, customers, imports, auth, supervisors, deskRoutes,
              chat, agentAdmin),
          new DeploymentOptions().setInstances(instances)), "open the HTTP port " + config.server().port());
      log.info("Switchboard serving HTTP on {}:{} ({} event loops, {} transport), Redis at {}",
          config.server().host(), config.server().port(), instances,
          vertx.isNativeTransportEnabled() ? "native" : "Java NIO", redis.displayUri());
      return new Node(config, redis, vertx, directory, importer, auth.provisioning(), routed, phone,
          config.server().port());
    } catch (RuntimeException e) {
      redis.close();
      vertx.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  public Vertx vertx() {
    return vertx;
  }

  public CustomerDirectory directory() {
    return directory;
  }

  public CustomerImport importer() {
    return importer;
  }

  /** Accounts that must exist: the demo's agents, a test's admin. */
  public AccountProvisioning accounts() {
    return accounts;
  }

  public Router router() {
    return routing.router();
  }

  /** The agents the configuration defines (an admin may add more through the API). */
  public java.util.Collection<AgentProfile> agents() {
    return routing.configured().agents().values();
  }

  public RoutingView routingView() {
    return routing.view();
  }

  /** The phone channel, when the configuration has a {@code phone:} section. */
  public Optional<PhoneChannel> phone() {
    return phone;
  }

  public SwitchboardConfig config() {
    return config;
  }

  @Override
  public void close() {
    log.info("Stopping Switchboard: closing HTTP (grace {} s), then Redis",
        config.server().shutdownGrace().toSeconds());
    try {
      phone.ifPresent(channel -> await(channel.stop(), "stop the phone channel"));
      await(routing.stop(), "stop routing");
      await(Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()), "close HTTP");
    } catch (RuntimeException e) {
      log.warn("Switchboard did not stop cleanly: {}", e.getMessage());
    }
    // before Vert.x: Redis connections run on its event loops
    redis.close();
    try {
      await(vertx.close(), "stop Vert.x");
    } catch (RuntimeException e) {
      log.warn("Vert.x did not stop cleanly: {}", e.getMessage());
    }
    log.info("Switchboard stopped");
  }

  private static ChatSites chatSites(SwitchboardConfig config) {
    ChatSites sites = ChatSites.from(config.chat().sites());
    if (sites.isEmpty()) {
      log.warn("No chat.sites configured: every chat widget will be refused until a site is added to the configuration");
    }
    return sites;
  }

  private static ReadinessCheck redisCheck(RedisStore store, RedisConnection redis) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return "redis";
      }

      @Override
      public Future<String> check() {
        return store.run(commands -> commands.ping()).map(pong -> redis.displayUri()
            + (redis.embedded() ? " (embedded)" : ""));
      }
    };
  }

  static <T> T await(Future<T> future, String what) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException("Could not " + what + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Could not " + what + " within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while trying to " + what, e);
    }
  }
}
