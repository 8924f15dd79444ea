package dev.switchboard.channels.phone;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to a channel, translated from AMI events into immutable values. For one channel,
 * events arrive in Asterisk's order; duplicates, late events and events of unknown channels are
 * dropped before they get here. {@code occurredAt} is Asterisk's {@code Timestamp:} when present,
 * else the time of receipt.
 */
public sealed interface PhoneEvent {

  CallRef call();

  Instant occurredAt();

  /** Where a {@link CallStarted} came from. */
  enum Origin {
    /** A Newchannel event. */
    LIVE,
    /** Found by the resync after a reconnect: it started while the link was down. */
    RESYNC
  }

  /** A new channel (incoming call leg, agent leg, originated call). */
  record CallStarted(CallRef call, String linkedId, Optional<String> callerIdNumber, String context,
      String exten, boolean answered, Origin origin, Instant occurredAt) implements PhoneEvent {
    public CallStarted {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(linkedId, "linkedId");
      Objects.requireNonNull(callerIdNumber, "callerIdNumber");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(exten, "exten");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /** The channel went Up. */
  record CallAnswered(CallRef call, Instant occurredAt) implements PhoneEvent {
    public CallAnswered {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /** The channel started dialling {@code destination} (e.g. an agent's phone). */
  record DialStarted(CallRef call, CallRef destination, String dialString, Instant occurredAt)
      implements PhoneEvent {
    public DialStarted {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(dialString, "dialString");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /** A dial ended with Asterisk's DialStatus (ANSWER, NOANSWER, BUSY, CANCEL, ...). */
  record DialEnded(CallRef call, CallRef destination, String dialStatus, Instant occurredAt)
      implements PhoneEvent {
    public DialEnded {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(dialStatus, "dialStatus");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public boolean answered() {
      return "ANSWER".equals(dialStatus);
    }
  }

  /** The channel entered bridge {@code bridgeId} (it is talking to someone). */
  record CallBridged(CallRef call, String bridgeId, Instant occurredAt) implements PhoneEvent {
    public CallBridged {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(bridgeId, "bridgeId");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /** The channel left bridge {@code bridgeId} (hangup of the other side, transfer, redirect). */
  record CallLeftBridge(CallRef call, String bridgeId, Instant occurredAt) implements PhoneEvent {
    public CallLeftBridge {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(bridgeId, "bridgeId");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  /** The channel is gone. */
  record CallHungUp(CallRef call, HangupCause cause, Instant occurredAt) implements PhoneEvent {
    public CallHungUp {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }
}
