package dev.switchboard.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code chat.sites}: a web site that embeds the chat widget.
 *
 * @param id the site id the widget names in {@code data-site}, 1-32 characters of a-z, 0-9 and '-'
 * @param origins origins ({@code scheme://host[:port]}) whose pages may open chats for the site
 * @param identitySecret key of the site's signed visitor identities, read from the environment only
 *     ({@code env:NAME}); empty when the site signs none
 * @param recoveryOnLowRating whether a survey rating of 1 opens a recovery request (default true)
 */
public record ChatSiteSettings(String id, List<String> origins, Optional<Secret> identitySecret,
    boolean recoveryOnLowRating) {

  public ChatSiteSettings {
    Objects.requireNonNull(id, "id");
    origins = List.copyOf(origins);
    Objects.requireNonNull(identitySecret, "identitySecret");
  }

  @Override
  public String toString() {
    return "ChatSiteSettings[id=" + id + ", origins=" + origins + ", identitySecret="
        + identitySecret.map(Secret::toString).orElse("none") + ", recoveryOnLowRating=" + recoveryOnLowRating + "]";
  }
}
