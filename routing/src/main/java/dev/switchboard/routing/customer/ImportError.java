package dev.switchboard.routing.customer;

import java.util.Objects;

/** Why one line of an import was rejected; {@code line} counts from 1 and includes the header. */
public record ImportError(long line, String reason) {

  public ImportError {
    if (line < 1) {
      throw new IllegalArgumentException("line " + line + " is invalid: lines count from 1");
    }
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
