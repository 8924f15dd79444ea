package dev.switchboard.channels.phone;

import java.util.Optional;

/** A small caller id normalizer for tests: national numbers are German, as from a German trunk. */
final class GermanNormalizer implements CallerIdNormalizer {

  @Override
  public Optional<String> toE164(String rawCallerId) {
    String compact = rawCallerId.replaceAll("[\\s()/.-]", "");
    if (compact.matches("\\+[1-9][0-9]{4,14}")) {
      return Optional.of(compact);
    }
    if (compact.matches("00[1-9][0-9]{4,14}")) {
      return Optional.of("+" + compact.substring(2));
    }
    if (compact.matches("0[1-9][0-9]{3,12}")) {
      return Optional.of("+49" + compact.substring(1));
    }
    return Optional.empty();
  }
}
