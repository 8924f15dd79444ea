package dev.switchboard.channels.phone;

import dev.switchboard.channels.phone.internal.AmiEngine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link to Asterisk's manager interface: phone events in, actions out. After {@link #start()}
 * it logs in on its own thread, reconnects with backoff when the link drops or the login is
 * refused, and resyncs live channels after each login so that no call is stuck or lost.
 *
 * <p>Threading: events reach the listener on the Vert.x context that called {@link #start()}.
 * Actions run on the {@code ami-actions} worker pool and their futures complete on the caller's
 * context. {@link #status()} and {@link #metrics()} may be read from any thread.
 */
public final class AmiLink {

  private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

  private final Vertx vertx;
  private final AmiSettings settings;
  private final PhoneEventListener listener;
  private final AmiEngine engine;
  private volatile Context context;
  private volatile WorkerExecutor actionPool;

  public AmiLink(Vertx vertx, AmiSettings settings, PhoneEventListener listener) {
    this(vertx, settings, listener, Clock.systemUTC());
  }

  AmiLink(Vertx vertx, AmiSettings settings, PhoneEventListener listener, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.engine = new AmiEngine(settings, this::deliver, clock);
  }

  /** Starts the link; completes at once; the login follows in the background (see {@link #status()}). */
  public synchronized Future<Void> start() {
    if (actionPool != null) {
      return Future.failedFuture(new IllegalStateException("AMI link to " + settings.address() + " already started"));
    }
    context = vertx.getOrCreateContext();
    actionPool = vertx.createSharedWorkerExecutor("ami-actions", settings.actionThreads(),
        settings.actionTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    engine.start();
    log.info("AMI link to {} starting as user '{}'", settings.address(), settings.username());
    return Future.succeededFuture();
  }

  /** Logs off and stops the link's threads. */
  public synchronized Future<Void> stop() {
    WorkerExecutor pool = actionPool;
    actionPool = null;
    return vertx.<Void>executeBlocking(() -> {
      engine.stop();
      return null;
    }).eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }

  /** Where the link stands; {@link AmiStatus#isReady()} is what readiness checks want. */
  public AmiStatus status() {
    return engine.status();
  }

  public AmiMetrics metrics() {
    return engine.metrics();
  }

  /** Rings {@code request.endpoint()}; completes once Asterisk queued the Originate. */
  public Future<Void> originate(OriginateRequest request) {
    return run(() -> {
      engine.originate(request);
      return null;
    });
  }

  /** Moves {@code channel} to {@code context,exten,priority} of the dialplan. */
  public Future<Void> redirect(String channel, String context, String exten, int priority) {
    return run(() -> {
      engine.redirect(channel, context, exten, priority);
      return null;
    });
  }

  /** Hangs {@code channel} up. */
  public Future<Void> hangup(String channel) {
    return run(() -> {
      engine.hangup(channel);
      return null;
    });
  }

  /** The channels alive in Asterisk now (CoreShowChannels). */
  public Future<List<LiveChannel>> liveChannels() {
    return run(engine::liveChannels);
  }

  private <T> Future<T> run(Callable<T> action) {
    WorkerExecutor pool = actionPool;
    if (pool == null) {
      return Future.failedFuture(new AmiActionException("AMI link to " + settings.address() + " is not started"));
    }
    return pool.executeBlocking(action, false);
  }

  private void deliver(PhoneEvent event) {
    context.runOnContext(ignored -> {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        log.error("[channel={}] phone event listener failed on {}; next events still delivered",
            event.call().channel(), event.getClass().getSimpleName(), e);
      }
    });
  }
}
