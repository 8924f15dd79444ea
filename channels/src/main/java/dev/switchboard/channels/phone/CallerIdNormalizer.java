package dev.switchboard.channels.phone;

import java.util.Optional;

/**
 * Turns a raw caller id (as a trunk sends it: national, with prefixes, spaces) into E.164.
 * Returns empty when the value is not a phone number. Called on FastAGI threads; must be
 * thread-safe and fast.
 */
@FunctionalInterface
public interface CallerIdNormalizer {
  Optional<String> toE164(String rawCallerId);
}
