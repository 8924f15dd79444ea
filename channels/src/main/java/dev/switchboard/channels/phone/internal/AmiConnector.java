package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.AmiSettings;
import dev.switchboard.channels.phone.AmiStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the ManagerConnection: login, reconnect with backoff, Ping to notice a dead link, and the
 * CoreShowChannels resync after every login. All of it runs on the {@code ami-connect} thread; a
 * fresh connection is made per attempt so Asterisk-Java's own reconnect loop never competes.
 */
final class AmiConnector {

  private static final Logger log = LoggerFactory.getLogger(AmiConnector.class);

  private final AmiSettings settings;
  private final EventPump pump;
  private final AmiCounters counters;
  private final Clock clock;
  private final Backoff backoff;
  private final AtomicLong resyncs = new AtomicLong();
  private volatile ScheduledExecutorService executor;
  private volatile ManagerConnection current;
  private volatile AmiStatus status;
  private AtomicBoolean currentAbandoned = new AtomicBoolean(true);
  private ScheduledFuture<?> ping;
  private int failures;
  private boolean everConnected;
  private boolean stopped;

  AmiConnector(AmiSettings settings, EventPump pump, AmiCounters counters, Clock clock) {
    this.settings = settings;
    this.pump = pump;
    this.counters = counters;
    this.clock = clock;
    this.backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax());
    this.status = new AmiStatus(AmiStatus.State.STOPPED, Optional.empty(), clock.instant());
  }

  synchronized void start() {
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "ami-connect");
      thread.setDaemon(true);
      return thread;
    });
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor = pool;
    setStatus(AmiStatus.State.CONNECTING, Optional.empty());
    executor.execute(this::attempt);
  }

  synchronized void stop() throws InterruptedException {
    if (executor == null) {
      return;
    }
    executor.execute(() -> {
      stopped = true;
      ManagerConnection connection = current;
      current = null;
      abandon(connection);
      setStatus(AmiStatus.State.STOPPED, Optional.empty());
    });
    executor.shutdown();
    executor.awaitTermination(settings.actionTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    executor.shutdownNow();
    executor = null;
  }

  AmiStatus status() {
    return status;
  }

  /** The logged-in connection, empty while the link is down. */
  Optional<ManagerConnection> connection() {
    return Optional.ofNullable(current);
  }

  /** Asks for a resync of live channels (after dropped events); runs on {@code ami-connect}. */
  void requestResync() {
    ScheduledExecutorService running = executor;
    if (running != null && !running.isShutdown()) {
      running.execute(() -> connection().ifPresent(this::resync));
    }
  }

  private void attempt() {
    if (stopped) {
      return;
    }
    DefaultManagerConnection connection = new DefaultManagerConnection(settings.host(), settings.port(),
        settings.username(), settings.secret());
    connection.setDefaultResponseTimeout(settings.actionTimeout().toMillis());
    connection.setSocketTimeout((int) settings.actionTimeout().toMillis());
    AtomicBoolean abandoned = new AtomicBoolean();
    connection.addEventListener(event -> received(connection, abandoned, event));
    try {
      connection.login();
      connected(connection, abandoned);
    } catch (AuthenticationFailedException e) {
      abandoned.set(true);
      retry(AmiStatus.State.LOGIN_REJECTED, "AMI login to " + settings.address() + " rejected for user '"
          + settings.username() + "': check [" + settings.username()
          + "] in manager.conf and this PBX's username and secret in phone.pbxs");
    } catch (IOException | org.asteriskjava.manager.TimeoutException | IllegalStateException e) {
      abandoned.set(true);
      abandon(connection);
      retry(AmiStatus.State.CONNECTING, "AMI connection to " + settings.address() + " failed (" + e.getMessage()
          + "): check phone.ami.host / phone.ami.port and that manager.conf has enabled = yes");
    }
  }

  private void received(ManagerConnection connection, AtomicBoolean abandoned, ManagerEvent event) {
    if (abandoned.get()) {
      return;
    }
    if (event instanceof DisconnectEvent) {
      ScheduledExecutorService running = executor;
      if (running != null && !running.isShutdown()) {
        running.execute(() -> lost(connection, "connection closed"));
      }
      return;
    }
    pump.offer(event);
  }

  private void connected(ManagerConnection connection, AtomicBoolean abandoned) {
    current = connection;
    currentAbandoned = abandoned;
    failures = 0;
    if (everConnected) {
      counters.reconnected();
    }
    everConnected = true;
    setStatus(AmiStatus.State.CONNECTED, Optional.empty());
    log.info("AMI link to {} up as user '{}'", settings.address(), settings.username());
    resync(connection);
    long interval = settings.pingInterval().toMillis();
    ping = executor.scheduleWithFixedDelay(() -> ping(connection), interval, interval, TimeUnit.MILLISECONDS);
  }

  private void resync(ManagerConnection connection) {
    String actionId = "sb-resync-" + resyncs.incrementAndGet();
    try {
      if (!pump.resyncStarted(actionId, settings.actionTimeout())) {
        log.warn("AMI resync {} postponed: event queue still full", actionId);
        return;
      }
      CoreShowChannelsAction action = new CoreShowChannelsAction();
      action.setActionId(actionId);
      connection.sendEventGeneratingAction(action, settings.actionTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | org.asteriskjava.manager.EventTimeoutException | RuntimeException e) {
      lost(connection, "CoreShowChannels failed: " + e.getMessage());
    }
  }

  private void ping(ManagerConnection connection) {
    if (connection != current) {
      return;
    }
    try {
      connection.sendAction(new PingAction(), settings.actionTimeout().toMillis());
    } catch (IOException | org.asteriskjava.manager.TimeoutException | RuntimeException e) {
      lost(connection, "no answer to Ping within " + settings.actionTimeout().toMillis() + " ms");
    }
  }

  private void lost(ManagerConnection connection, String reason) {
    if (connection != current || stopped) {
      return;
    }
    current = null;
    currentAbandoned.set(true);
    if (ping != null) {
      ping.cancel(false);
    }
    abandon(connection);
    retry(AmiStatus.State.CONNECTING, "AMI link to " + settings.address() + " lost (" + reason + ")");
  }

  private void retry(AmiStatus.State state, String problem) {
    Duration delay = backoff.delay(failures++);
    boolean changed = status.state() != state || status.problem().isEmpty();
    setStatus(state, Optional.of(problem));
    if (changed && state == AmiStatus.State.LOGIN_REJECTED) {
      log.error("{}; retrying with backoff", problem);
    } else if (changed) {
      log.warn("{}; retrying in {} ms", problem, delay.toMillis());
    } else {
      log.debug("{}; retrying in {} ms", problem, delay.toMillis());
    }
    if (!stopped) {
      executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static void abandon(ManagerConnection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.logoff();
    } catch (IllegalStateException e) {
      log.trace("AMI connection already closed: {}", e.getMessage());
    }
  }

  private void setStatus(AmiStatus.State state, Optional<String> problem) {
    status = new AmiStatus(state, problem, state == status.state() ? status.since() : clock.instant());
  }
}
