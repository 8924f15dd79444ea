package dev.switchboard.config;

import java.util.List;
import java.util.Objects;

/**
 * The web chat settings ({@code chat:}).
 *
 * @param sites the sites that may embed the widget ({@code chat.sites}, file only), ids unique
 * @param limits limits of visitor connections ({@code chat.limits.*})
 */
public record ChatSection(List<ChatSiteSettings> sites, ChatLimitSettings limits) {

  public ChatSection {
    sites = List.copyOf(sites);
    Objects.requireNonNull(limits, "limits");
  }

  /** No site and the default limits: the widget is refused until a site is configured. */
  public static ChatSection defaults() {
    return new ChatSection(List.of(), ChatLimitSettings.defaults());
  }
}
