package dev.switchboard.gateway.chat;

import dev.switchboard.config.ChatSiteSettings;
import dev.switchboard.config.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sites that may embed the widget, by id. Immutable. */
public record ChatSites(Map<String, ChatSite> byId) {

  public ChatSites {
    byId = Map.copyOf(byId);
  }

  public static ChatSites of(ChatSite... sites) {
    return new ChatSites(Set.of(sites).stream().collect(Collectors.toMap(ChatSite::id, Function.identity())));
  }

  /** The sites of the configuration's {@code chat.sites} list. */
  public static ChatSites from(List<ChatSiteSettings> sites) {
    return new ChatSites(sites.stream().collect(Collectors.toMap(ChatSiteSettings::id,
        site -> new ChatSite(site.id(), Set.copyOf(site.origins()), site.identitySecret().map(Secret::value),
            site.recoveryOnLowRating()))));
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }

  public Optional<ChatSite> find(String id) {
    return Optional.ofNullable(id).map(byId::get);
  }
}
