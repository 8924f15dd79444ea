package dev.switchboard.gateway.chat;

import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.queue.BusinessHours;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routing web chat tests run with: {@code support} (every channel), {@code sales} (voice and chat) and
 * {@code after-hours}, a chat queue that is never open (the widget's offline path). No agents. Chats come from
 * the site {@code demo}, as configured by {@link #chat()}.
 */
public final class ChatRouting {

  /** The identity key of the site {@code demo} in tests. */
  public static final String IDENTITY_KEY = "test-site-identity-key";

  private ChatRouting() {}

  /** The site {@code demo} (the local development origins, signed identities, recovery on rating 1), default limits. */
  public static dev.switchboard.config.ChatSection chat() {
    return new dev.switchboard.config.ChatSection(List.of(new dev.switchboard.config.ChatSiteSettings("demo",
        List.of("http://localhost:8080", "http://127.0.0.1:8080"),
        Optional.of(new dev.switchboard.config.Secret("TEST_IDENTITY_KEY", IDENTITY_KEY)), true)),
        dev.switchboard.config.ChatLimitSettings.defaults());
  }

  public static dev.switchboard.gateway.routing.ConfiguredRouting configured() {
    return dev.switchboard.gateway.routing.ConfiguredRouting.of(rules(),
        dev.switchboard.routing.dispatch.RoutingSettings.defaults(), List.of());
  }

  public static RoutingRules rules() {
    QueuePolicy support = QueuePolicy.of(new QueueId("support"), Set.of(Channel.values()), Map.of());
    QueuePolicy sales = QueuePolicy.of(new QueueId("sales"), Set.of(Channel.VOICE, Channel.CHAT), Map.of());
    QueuePolicy closed = new QueuePolicy(new QueueId("after-hours"), Set.of(Channel.CHAT), Map.of(),
        Duration.ofSeconds(60), 0, List.of(), List.of(), Optional.empty(),
        Optional.of(new BusinessHours(ZoneOffset.UTC, Map.of(), Set.of(), "leave-message")), Duration.ZERO, Set.of());
    return new RoutingRules(Set.of("support", "sales"), Set.of("break", "lunch"), ChannelCosts.defaults(),
        List.of(support, sales, closed));
  }
}
