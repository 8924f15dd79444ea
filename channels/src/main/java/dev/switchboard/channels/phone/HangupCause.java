package dev.switchboard.channels.phone;

import java.util.Objects;

/**
 * Why a channel ended: Asterisk's Q.850 cause code and text, or {@link #ENDED_WHILE_DISCONNECTED}
 * when the resync after a reconnect found it gone (its Hangup event was never received).
 */
public record HangupCause(int code, String text) {

  /** Code used when the cause is unknown because the channel ended while the link was down. */
  public static final int UNKNOWN_CODE = -1;

  public static final HangupCause ENDED_WHILE_DISCONNECTED =
      new HangupCause(UNKNOWN_CODE, "ended while the AMI link was down");

  public HangupCause {
    Objects.requireNonNull(text, "text");
  }

  public boolean endedWhileDisconnected() {
    return code == UNKNOWN_CODE;
  }
}
