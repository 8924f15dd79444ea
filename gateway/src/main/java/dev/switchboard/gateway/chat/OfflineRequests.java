package dev.switchboard.gateway.chat;

import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.customer.InvalidIdentityException;
import dev.switchboard.routing.customer.TimelineEntry;
import dev.switchboard.routing.store.RedisStore;
import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * What a visitor leaves for the other channels and the closed loop, stored in Redis lists for them to take:
 * messages for the email channel ({@code sb:{c}:email:inbound-pending}), callback requests (one pending per
 * E.164 number: {@code sb:{c}:callback:pending:<e164>}, queued on {@code sb:{c}:callback:requests}), transcript
 * requests ({@code sb:{c}:email:transcripts}), surveys and recovery requests ({@code sb:{c}:recovery}), each also
 * written to the customer's timeline. Non-blocking; futures complete on the caller's context.
 */
final class OfflineRequests {

  private static final Duration LONGEST_SCHEDULE = Duration.ofDays(14);
  private static final Duration PENDING_CALLBACK = Duration.ofDays(15);

  private final RedisStore store;
  private final CustomerDirectory directory;
  private final IdentityNormalizer normalizer;
  private final Clock clock;

  OfflineRequests(RedisStore store, CustomerDirectory directory, IdentityNormalizer normalizer, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.normalizer = normalizer;
    this.clock = clock;
  }

  Future<Void> leaveMessage(VisitorSession session, VisitorFrame.LeaveMessage message) {
    String email;
    try {
      email = normalizer.normalize(IdentityType.EMAIL, message.email()).value();
    } catch (InvalidIdentityException e) {
      return Future.failedFuture(new FrameException("invalid-email", e.getMessage()));
    }
    JsonObject item = base(session).put("name", message.name()).put("email", email).put("text", message.text());
    return push(store.keys().key("email", "inbound-pending"), item)
        .compose(ignored -> timeline(session.customer(), "message", "email", "Left a message from the web chat",
            Map.of("queue", session.queue().value(), "conversation", session.conversation().value())));
  }

  /** Stores a callback request; fails with {@code callback-pending} when the number already has one. */
  Future<String> callback(VisitorSession session, VisitorFrame.Callback request) {
    String phone;
    Optional<Instant> when;
    try {
      phone = normalizer.phone(request.phone());
      when = request.when().map(this::scheduled);
    } catch (InvalidIdentityException e) {
      return Future.failedFuture(new FrameException("invalid-phone", e.getMessage()));
    } catch (FrameException e) {
      return Future.failedFuture(e);
    }
    JsonObject item = base(session).put("phone", phone);
    when.ifPresent(at -> item.put("when", at.toString()));
    String pending = store.keys().key("callback", "pending", phone);
    return store.run(redis -> redis.set(pending, item.encode(), SetArgs.Builder.nx().ex(PENDING_CALLBACK.toSeconds())))
        .compose(stored -> stored == null
            ? Future.failedFuture(new FrameException("callback-pending", "a callback to " + phone
                + " is already pending: we will call once; there is no need to ask again"))
            : push(store.keys().key("callback", "requests"), item))
        .compose(ignored -> timeline(session.customer(), "callback-request", "callback",
            "Asked for a callback from the web chat", Map.of("phone", phone, "queue", session.queue().value())))
        .map(ignored -> phone);
  }

  Future<Void> transcript(VisitorSession session, String email) {
    String address;
    try {
      address = normalizer.normalize(IdentityType.EMAIL, email).value();
    } catch (InvalidIdentityException e) {
      return Future.failedFuture(new FrameException("invalid-email", e.getMessage()));
    }
    return push(store.keys().key("email", "transcripts"), base(session).put("email", address));
  }

  /** Records a survey; a rating of 1 on a site that asks for it also records a recovery request. */
  Future<Boolean> survey(VisitorSession session, ChatSite site, VisitorFrame.Survey survey) {
    Map<String, String> details = Map.of("rating", Integer.toString(survey.rating()), "comment", survey.comment(),
        "conversation", session.conversation().value(), "queue", session.queue().value());
    Future<Void> recorded = timeline(session.customer(), "survey", "chat",
        "Rated the web chat " + survey.rating() + " of 5", details);
    if (survey.rating() > 1 || !site.recoveryOnLowRating()) {
      return recorded.map(false);
    }
    JsonObject recovery = base(session).put("rating", survey.rating()).put("comment", survey.comment())
        .put("action", "callback-by-senior-agent");
    session.customer().ifPresent(customer -> recovery.put("customer", customer.value()));
    return recorded.compose(ignored -> push(store.keys().key("recovery"), recovery))
        .compose(ignored -> timeline(session.customer(), "recovery", "chat",
            "Very dissatisfied: recovery callback requested", details))
        .map(true);
  }

  private Instant scheduled(String when) {
    Instant at;
    try {
      at = Instant.parse(when);
    } catch (DateTimeParseException e) {
      throw new FrameException("invalid-when", "callback time '" + when
          + "' is not an ISO-8601 instant such as 2026-11-24T09:30:00Z");
    }
    Instant now = clock.instant();
    if (at.isBefore(now) || at.isAfter(now.plus(LONGEST_SCHEDULE))) {
      throw new FrameException("invalid-when", "callback time " + when + " must be within the next "
          + LONGEST_SCHEDULE.toDays() + " days");
    }
    return at;
  }

  private JsonObject base(VisitorSession session) {
    JsonObject item = new JsonObject().put("conversation", session.conversation().value()).put("site", session.site())
        .put("queue", session.queue().value()).put("at", clock.instant().toString());
    session.customer().ifPresent(customer -> item.put("customer", customer.value()));
    return item;
  }

  private Future<Void> push(String list, JsonObject item) {
    return store.run(redis -> redis.lpush(list, item.encode())).mapEmpty();
  }

  private Future<Void> timeline(Optional<CustomerId> customer, String kind, String channel, String summary,
      Map<String, String> details) {
    return customer.map(id -> directory.appendTimeline(id, new TimelineEntry(clock.instant(), kind, channel, summary,
        details))).orElse(Future.succeededFuture());
  }
}
