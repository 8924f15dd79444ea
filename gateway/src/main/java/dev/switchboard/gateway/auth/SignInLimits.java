package dev.switchboard.gateway.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed sign-ins a window allows: per account (against guessing one password) and per
 * client address (against trying many accounts).
 */
public record SignInLimits(int perAccount, int perAddress, Duration window) {

  /** Five failures per account and twenty per address in fifteen minutes. */
  public static final SignInLimits DEFAULT = new SignInLimits(5, 20, Duration.ofMinutes(15));

  public SignInLimits {
    Objects.requireNonNull(window, "window");
    if (perAccount < 1 || perAddress < 1 || window.toSeconds() < 1) {
      throw new IllegalArgumentException("sign-in limits must be positive, got " + perAccount + " per account, "
          + perAddress + " per address, window " + window);
    }
  }
}
