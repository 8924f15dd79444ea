package dev.switchboard.routing.outcome;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactOutcomes;
import dev.switchboard.routing.contact.EndedContact;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every ended contact of a known customer to that customer's timeline: channel, queue,
 * agent, outcome, the wait / ring / handle / wrap-up times, disposition and notes. A failed append is
 * retried with backoff (Redis may be briefly away); contacts of unknown callers go nowhere.
 */
public final class TimelineOutcomes implements ContactOutcomes {

  private static final Logger log = LoggerFactory.getLogger(TimelineOutcomes.class);
  private static final int ATTEMPTS = 4;

  private final Vertx vertx;
  private final CustomerDirectory directory;
  private final Duration firstRetry;

  public TimelineOutcomes(Vertx vertx, CustomerDirectory directory, Duration firstRetry) {
    this.vertx = vertx;
    this.directory = directory;
    this.firstRetry = firstRetry;
  }

  @Override
  public Future<Void> ended(EndedContact contact) {
    if (contact.customer().isEmpty()) {
      return Future.succeededFuture();
    }
    return append(contact, entry(contact), 1);
  }

  private Future<Void> append(EndedContact contact, TimelineEntry entry, int attempt) {
    return directory.appendTimeline(contact.customer().orElseThrow(), entry).recover(failure -> {
      if (attempt >= ATTEMPTS) {
        log.error("[contact={} customer={}] could not add the contact to the timeline after {} attempts: {}",
            contact.id(), contact.customer().orElseThrow(), attempt, failure.getMessage());
        return Future.failedFuture(failure);
      }
      Promise<Void> retried = Promise.promise();
      long delay = firstRetry.toMillis() << (attempt - 1);
      vertx.setTimer(Math.max(1, delay), timer -> append(contact, entry, attempt + 1).onComplete(retried));
      return retried.future();
    });
  }

  /** The timeline entry for an ended contact: one summary line and its facts. */
  public static TimelineEntry entry(EndedContact contact) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("contact", contact.id().value());
    details.put("queue", contact.queue().value());
    details.put("outcome", contact.outcome().name().toLowerCase(Locale.ROOT));
    contact.agent().ifPresent(agent -> details.put("agent", agent.value()));
    contact.disposition().ifPresent(code -> details.put("disposition", code));
    details.put("waitSeconds", seconds(contact.waited()));
    details.put("ringSeconds", seconds(contact.rang()));
    details.put("handleSeconds", seconds(contact.handled()));
    details.put("wrapUpSeconds", seconds(contact.wrappedUp()));
    if (!contact.notes().isBlank()) {
      details.put("notes", contact.notes());
    }
    return new TimelineEntry(contact.ended(), "contact", timelineChannel(contact.channel()), summary(contact), details);
  }

  private static String summary(EndedContact contact) {
    String start = contact.channel().name().toLowerCase(Locale.ROOT) + " in " + contact.queue().value();
    return switch (contact.outcome()) {
      case HANDLED -> start + " handled by " + contact.agent().map(AgentId::value).orElse("an agent")
          + contact.disposition().map(code -> " (" + code + ")").orElse("");
      case ABANDONED -> start + " abandoned after " + seconds(contact.waited()) + " s";
      case FAILED -> start + " failed";
    };
  }

  /** The channel as the timeline and the desktop name it. */
  private static String timelineChannel(Channel channel) {
    return switch (channel) {
      case VOICE -> "phone";
      case CHAT -> "chat";
      case EMAIL -> "email";
      case CALLBACK -> "callback";
    };
  }

  private static String seconds(Duration duration) {
    return Long.toString(duration.toSeconds());
  }
}
