package dev.switchboard.channels.phone;

import java.util.Objects;

/** What {@link CallIntake} decided for an incoming call. */
public sealed interface IntakeDecision {

  /** Why a call was not queued; the name is what the dialplan sees in SWITCHBOARD_STATUS. */
  enum Reason {
    /** No queue by that name. */
    UNKNOWN_QUEUE,
    /** The queue exists but takes no calls now (out of hours, closed). */
    CLOSED,
    /** Something failed; the dialplan should fall back (voicemail, operator). */
    FAILED
  }

  /** The call is a queued contact. */
  record Queued(String contactId) implements IntakeDecision {
    public Queued {
      Objects.requireNonNull(contactId, "contactId");
      if (contactId.isBlank() || contactId.contains("\"") || contactId.contains("\n")) {
        throw new IllegalArgumentException("contactId must be a non-blank single word, got '" + contactId + "'");
      }
    }
  }

  /** The call was not queued; {@code detail} says why, for logs and SWITCHBOARD_REASON. */
  record Refused(Reason reason, String detail) implements IntakeDecision {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
