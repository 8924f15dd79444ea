package dev.switchboard.channels.phone.calls;

import dev.switchboard.channels.phone.CallIntake;
import dev.switchboard.channels.phone.HangupCause;
import dev.switchboard.channels.phone.IncomingCall;
import dev.switchboard.channels.phone.IntakeDecision;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.dispatch.EnqueueResult;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.UnknownQueueException;
import dev.switchboard.routing.queue.QueueId;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues each FastAGI call as a VOICE contact: the caller id is looked up in the customer directory
 * (one match gives the customer and its account owner as preferred agent; several give a pick-list
 * for the desktop; none an unknown caller), then the router decides. The contact's attributes carry
 * what the screen-pop needs, in the values the desktop's screen-pop reads for every channel:
 * {@value #MATCH}, {@value #MATCH_VALUE}, {@value #AMBIGUOUS}, {@value #CALLER_ID}, {@value #CHANNEL},
 * {@value #UNIQUE_ID} and, for a known customer, {@value #TIER}.
 *
 * <p>Called on the FastAGI entry's context; never blocks.
 */
public final class RoutedCallIntake implements CallIntake {

  /** What the caller was looked up by: {@code phone} (the caller's number) or {@code none} (no usable number). */
  public static final String MATCH = "match";
  /** {@code true} when several customers hold the caller's number: the desktop shows a pick-list. */
  public static final String AMBIGUOUS = "ambiguous";
  /** The caller's number in E.164, when it had one: what the desktop searches for a pick-list. */
  public static final String MATCH_VALUE = "matchValue";
  /** The caller id as the trunk sent it ("" when withheld). */
  public static final String CALLER_ID = "callerId";
  /** The caller's Asterisk channel name. */
  public static final String CHANNEL = "channel";
  /** The caller's Asterisk Uniqueid. */
  public static final String UNIQUE_ID = "uniqueid";
  /** The matched customer's tier, for the queue's priority rules. */
  public static final String TIER = "tier";

  private static final Logger log = LoggerFactory.getLogger(RoutedCallIntake.class);

  private final CustomerDirectory directory;
  private final Router router;
  private final PhoneCalls calls;
  private final Duration intakeTimeout;
  private final Clock clock;

  /**
   * @param intakeTimeout the FastAGI entry's {@code phone.agi.intake-timeout}: a contact queued after the
   *     dialplan stopped waiting is ended FAILED at once, since the caller went to the fallback
   */
  public RoutedCallIntake(CustomerDirectory directory, Router router, PhoneCalls calls, Duration intakeTimeout,
      Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.router = Objects.requireNonNull(router, "router");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.intakeTimeout = Objects.requireNonNull(intakeTimeout, "intakeTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Future<IntakeDecision> enqueue(IncomingCall call) {
    QueueId queue;
    try {
      queue = new QueueId(call.queue());
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(new IntakeDecision.Refused(IntakeDecision.Reason.UNKNOWN_QUEUE, e.getMessage()));
    }
    ContactId contact = ContactId.random();
    return lookup(call)
        .map(matches -> request(contact, queue, call, matches))
        .compose(request -> calls.admitting(contact, call.call(), call.arrivedAt())
            .compose(registered -> router.enqueue(request)))
        .compose(result -> decide(call, contact, result))
        .recover(failure -> {
          calls.refused(contact);
          return Future.succeededFuture(refusal(failure));
        });
  }

  @Override
  public Future<Void> callerHungUp(String contactId, HangupCause cause, Instant at) {
    return calls.callerHungUp(new ContactId(contactId), cause);
  }

  private Future<List<Customer>> lookup(IncomingCall call) {
    if (call.callerId().isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return directory.lookup(IdentityType.PHONE, call.callerId().get())
        .map(found -> found.matches().stream().map(match -> match.customer()).toList())
        .recover(failure -> {
          log.warn("[channel={}] customer lookup failed, the call is queued as unknown: {}", call.call().channel(),
              failure.getMessage());
          return Future.succeededFuture(List.of());
        });
  }

  static ContactRequest request(ContactId contact, QueueId queue, IncomingCall call, List<Customer> matches) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put(MATCH, call.callerId().isPresent() ? "phone" : "none");
    call.callerId().ifPresent(number -> attributes.put(MATCH_VALUE, number));
    if (matches.size() > 1) {
      attributes.put(AMBIGUOUS, "true");
    }
    attributes.put(CALLER_ID, call.rawCallerId());
    attributes.put(CHANNEL, call.call().channel());
    attributes.put(UNIQUE_ID, call.call().uniqueId());
    ContactRequest request = new ContactRequest(contact, Channel.VOICE, queue, Optional.empty(), 0, Map.of(),
        Optional.empty(), Optional.empty());
    if (matches.size() == 1) {
      Customer customer = matches.get(0);
      attributes.put(TIER, customer.tier());
      request = request.withCustomer(customer.id());
      Optional<AgentId> owner = owner(customer);
      if (owner.isPresent()) {
        request = request.withPreferredAgent(owner.get());
      }
    }
    return request.withAttributes(attributes);
  }

  private static Optional<AgentId> owner(Customer customer) {
    try {
      return customer.accountOwner().map(AgentId::new);
    } catch (IllegalArgumentException e) {
      log.warn("[customer={}] account owner is not a valid agent id, not preferred: {}", customer.id(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private Future<IntakeDecision> decide(IncomingCall call, ContactId contact, EnqueueResult result) {
    if (result instanceof EnqueueResult.Closed closed) {
      calls.refused(contact);
      return Future.succeededFuture(new IntakeDecision.Refused(IntakeDecision.Reason.CLOSED, "queue "
          + closed.queue() + " is closed now (fallback: " + closed.fallback() + ")"));
    }
    EnqueueResult.Queued queued = (EnqueueResult.Queued) result;
    if (tooLate(call)) {
      log.warn("[contact={} channel={}] queued after the dialplan stopped waiting ({} ms); ended as failed, "
          + "the caller is in the fallback", contact, call.call().channel(), intakeTimeout.toMillis());
      calls.refused(contact);
      return router.fail(contact, "queued after the dialplan stopped waiting")
          .map(ended -> new IntakeDecision.Refused(IntakeDecision.Reason.FAILED, "routing answered too late"));
    }
    calls.admitted(contact, queued.offer());
    return Future.succeededFuture(new IntakeDecision.Queued(contact.value()));
  }

  /** Past the dialplan's wait, less a tenth for the answer's way back to the FastAGI thread. */
  private boolean tooLate(IncomingCall call) {
    Duration margin = intakeTimeout.dividedBy(10);
    return clock.instant().isAfter(call.arrivedAt().plus(intakeTimeout).minus(margin));
  }

  private static IntakeDecision refusal(Throwable failure) {
    if (failure instanceof UnknownQueueException) {
      return new IntakeDecision.Refused(IntakeDecision.Reason.UNKNOWN_QUEUE, failure.getMessage());
    }
    log.error("call not queued: {}", failure.getMessage());
    return new IntakeDecision.Refused(IntakeDecision.Reason.FAILED, "routing failed: " + failure.getMessage());
  }
}
