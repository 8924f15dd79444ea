package dev.switchboard.channels.phone;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Originate: ring {@code endpoint} (e.g. {@code PJSIP/1001}); when it answers, continue it in
 * the dialplan at {@code context,exten,1}. Sent with {@code Async: true}.
 */
public record OriginateRequest(String endpoint, String context, String exten, Optional<String> callerId,
    Duration ringTimeout, Map<String, String> variables) {

  public OriginateRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(exten, "exten");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(ringTimeout, "ringTimeout");
    if (!endpoint.matches("[A-Za-z0-9_]+/.+")) {
      throw new IllegalArgumentException("endpoint must look like TECH/resource (e.g. PJSIP/1001), got '"
          + endpoint + "'");
    }
    if (context.isBlank() || exten.isBlank()) {
      throw new IllegalArgumentException("Originate needs a dialplan context and exten, got '" + context
          + "' / '" + exten + "'");
    }
    if (ringTimeout.isNegative() || ringTimeout.isZero()) {
      throw new IllegalArgumentException("ringTimeout must be positive, got " + ringTimeout);
    }
    variables = Map.copyOf(variables);
  }
}
