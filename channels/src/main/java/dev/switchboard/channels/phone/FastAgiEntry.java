package dev.switchboard.channels.phone;

import dev.switchboard.channels.phone.internal.AgiListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialplan's way in: a FastAGI server answering {@code AGI(agi://host:port/route?queue=NAME)}.
 * Each request becomes an {@link IncomingCall} for {@link CallIntake}; the decision is left on the
 * channel as {@code SWITCHBOARD_STATUS} (see {@link DialplanStatus}), {@code SWITCHBOARD_CONTACT}
 * and {@code SWITCHBOARD_REASON}, then AGI returns and the dialplan goes on.
 *
 * <p>Threading: requests are served on the entry's own {@code fastagi-N} threads; CallIntake is
 * called on the Vert.x context that called {@link #start()}.
 */
public final class FastAgiEntry {

  private static final Logger log = LoggerFactory.getLogger(FastAgiEntry.class);

  private final Vertx vertx;
  private final FastAgiSettings settings;
  private final CallIntake intake;
  private final CallerIdNormalizer normalizer;
  private final CallerHangupRelay hangups;
  private AgiListener listener;

  public FastAgiEntry(Vertx vertx, FastAgiSettings settings, CallIntake intake, CallerIdNormalizer normalizer,
      CallerHangupRelay hangups) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    this.hangups = Objects.requireNonNull(hangups, "hangups");
  }

  /** Starts listening; completes once the port is bound, or fails saying why it could not. */
  public synchronized Future<Void> start() {
    if (listener != null) {
      return Future.failedFuture(new IllegalStateException("FastAGI on " + settings.address() + " already started"));
    }
    Context context = vertx.getOrCreateContext();
    listener = new AgiListener(settings, context, intake, normalizer, hangups, Clock.systemUTC());
    return Future.fromCompletionStage(listener.start(), context)
        .onSuccess(ignored -> log.info("FastAGI listening on {}", settings.address()));
  }

  /** Stops listening; requests in progress finish on their threads. */
  public synchronized Future<Void> stop() {
    AgiListener running = listener;
    listener = null;
    if (running == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      running.stop();
      return null;
    });
  }
}
