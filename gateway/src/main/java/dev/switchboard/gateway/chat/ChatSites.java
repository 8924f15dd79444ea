package dev.switchboard.gateway.chat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sites that may embed the widget, by id. Immutable. */
public record ChatSites(Map<String, ChatSite> byId) {

  /** The identity key of the demo site; a real site's key comes from configuration, never from code. */
  public static final String DEMO_IDENTITY_SECRET = "demo-site-identity-key";

  public ChatSites {
    byId = Map.copyOf(byId);
  }

  public static ChatSites of(ChatSite... sites) {
    return new ChatSites(Set.of(sites).stream().collect(Collectors.toMap(ChatSite::id, Function.identity())));
  }

  /** The demo shop served at /demo, plus the local development origins. */
  public static ChatSites demo() {
    return of(new ChatSite("demo", Set.of("http://localhost:8080", "http://127.0.0.1:8080"),
        Optional.of(DEMO_IDENTITY_SECRET), true));
  }

  public Optional<ChatSite> find(String id) {
    return Optional.ofNullable(id).map(byId::get);
  }
}
