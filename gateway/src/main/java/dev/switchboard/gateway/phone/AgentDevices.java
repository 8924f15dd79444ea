package dev.switchboard.gateway.phone;

import dev.switchboard.routing.agent.AgentDirectory;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each agent's phone device, as the call flow needs it at once (no Redis round trip while ringing):
 * read from the agent directory at start and again whenever the directory's version moved (looked at every
 * refresh), so agents an admin adds or changes get their phone within one period, and an unchanged directory
 * costs one small read per period. Thread-safe.
 */
final class AgentDevices implements Function<AgentId, Optional<String>> {

  private static final Logger log = LoggerFactory.getLogger(AgentDevices.class);

  private final Vertx vertx;
  private final AgentDirectory directory;
  private final Duration refresh;
  private final Map<AgentId, String> devices = new ConcurrentHashMap<>();
  private long timer = -1;
  private volatile long readVersion = Long.MIN_VALUE;

  AgentDevices(Vertx vertx, AgentDirectory directory, Duration refresh) {
    this.vertx = vertx;
    this.directory = directory;
    this.refresh = refresh;
  }

  @Override
  public Optional<String> apply(AgentId agent) {
    return Optional.ofNullable(devices.get(agent));
  }

  /** Reads the devices once, then keeps refreshing them. */
  Future<Void> start() {
    return read().onSuccess(done -> timer = vertx.setPeriodic(refresh.toMillis(), id -> read()
        .onFailure(failure -> log.warn("agent phone devices not refreshed, kept as they were: {}",
            failure.getMessage()))));
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  private Future<Void> read() {
    return directory.version().compose(version -> version == readVersion ? Future.succeededFuture()
        : readAll().onSuccess(done -> readVersion = version));
  }

  private Future<Void> readAll() {
    return directory.list().map(agents -> {
      Map<AgentId, String> fresh = new ConcurrentHashMap<>();
      for (AgentProfile agent : agents) {
        agent.phoneDevice().ifPresent(device -> fresh.put(agent.id(), device));
      }
      devices.putAll(fresh);
      devices.keySet().retainAll(fresh.keySet());
      return null;
    });
  }
}
