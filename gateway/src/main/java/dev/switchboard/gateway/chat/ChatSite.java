package dev.switchboard.gateway.chat;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A web site that embeds the widget.
 *
 * @param origins origins (scheme://host[:port]) whose pages may open a chat; pages served by Switchboard itself
 *     are always allowed
 * @param identitySecret key of the site's signed visitor identities (HMAC-SHA256 of the user id); empty when the
 *     site signs none
 * @param recoveryOnLowRating whether a survey rating of 1 opens a recovery request (a callback by a senior agent)
 */
public record ChatSite(String id, Set<String> origins, Optional<String> identitySecret, boolean recoveryOnLowRating) {

  public ChatSite {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
      throw new IllegalArgumentException("chat site id '" + id + "' is invalid: use 1-32 lower-case letters, digits or '-'");
    }
    origins = Set.copyOf(origins);
    origins.forEach(origin -> {
      if (!origin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException("chat site " + id + ": origin '" + origin
            + "' is invalid: use scheme://host[:port] with no path, e.g. https://shop.example.com");
      }
    });
    Objects.requireNonNull(identitySecret, "identitySecret");
  }

  public boolean allows(String origin) {
    return origins.contains(origin);
  }

  @Override
  public String toString() {
    return "ChatSite[id=" + id + ", origins=" + origins + ", identitySecret="
        + (identitySecret.isPresent() ? "***" : "none") + ", recoveryOnLowRating=" + recoveryOnLowRating + "]";
  }
}
