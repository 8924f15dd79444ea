package dev.switchboard.routing.contact;

import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.TimelineEntry;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes every ended contact of a known customer into that customer's timeline, so the next contact
 * starts with what happened in this one. Contacts without a customer are skipped. Non-blocking; a
 * failure of the directory fails the returned future (routing logs it).
 */
public final class TimelineOutcomes implements ContactOutcomes {

  private final CustomerDirectory directory;

  public TimelineOutcomes(CustomerDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public Future<Void> ended(EndedContact contact) {
    if (contact.customer().isEmpty()) {
      return Future.succeededFuture();
    }
    return directory.appendTimeline(contact.customer().get(), entry(contact));
  }

  /** The timeline entry for an ended contact: one summary line and its facts. */
  public static TimelineEntry entry(EndedContact contact) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("contact", contact.id().value());
    details.put("queue", contact.queue().value());
    details.put("outcome", contact.outcome().name().toLowerCase(Locale.ROOT));
    contact.agent().ifPresent(agent -> details.put("agent", agent.value()));
    contact.disposition().ifPresent(disposition -> details.put("disposition", disposition));
    details.put("waitSeconds", Long.toString(contact.waited().toSeconds()));
    details.put("handleSeconds", Long.toString(contact.handled().toSeconds()));
    details.put("wrapUpSeconds", Long.toString(contact.wrappedUp().toSeconds()));
    if (!contact.notes().isEmpty()) {
      details.put("notes", contact.notes());
    }
    return new TimelineEntry(contact.ended(), "contact", timelineChannel(contact.channel()), summary(contact), details);
  }

  private static String summary(EndedContact contact) {
    String channel = contact.channel().name().toLowerCase(Locale.ROOT);
    return switch (contact.outcome()) {
      case HANDLED -> channel + " in " + contact.queue() + " handled by " + contact.agent().map(Object::toString).orElse("an agent")
          + contact.disposition().map(disposition -> " (" + disposition + ")").orElse("");
      case ABANDONED -> channel + " in " + contact.queue() + " abandoned after " + contact.waited().toSeconds() + " s";
      case FAILED -> channel + " in " + contact.queue() + " failed";
    };
  }

  private static String timelineChannel(Channel channel) {
    return switch (channel) {
      case VOICE -> "phone";
      case CHAT -> "chat";
      case EMAIL -> "email";
      case CALLBACK -> "callback";
    };
  }
}
