package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration file the benchmark's node runs with: one chat queue, agents that take chats only, and the
 * site {@code bench}. Every visitor comes from 127.0.0.1, so the per-address limits are raised out of the way;
 * the per-connection limits stay at their defaults unless the load needs more per visitor.
 */
record ChatNodeConfig(int port, String redisUri, int agents, int chatsPerAgent, double visitorMessagesPerSecond) {

  static final int CHAT_COST = 34;

  List<String> agentIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= agents; i++) {
      ids.add(String.format("bench-agent-%05d", i));
    }
    return ids;
  }

  String yaml() {
    int perSecond = Math.max(2, (int) Math.ceil(visitorMessagesPerSecond * 2));
    StringBuilder yaml = new StringBuilder()
        .append("server:\n  host: 127.0.0.1\n  port: ").append(port).append("\n  shutdown-grace: 1s\n")
        .append("redis:\n  uri: ").append(redisUri).append("\n  center: bench-chat\n")
        .append("routing:\n  offer-timeout: 60s\n  preferred-agent-wait: 0s\n")
        .append("chat:\n  sites:\n    - id: bench\n      origins: [http://bench.example]\n")
        .append("  limits:\n    address-burst: 10000000\n    address-per-second: 10000000\n")
        .append("    connection-burst: ").append(Math.max(10, perSecond * 5)).append('\n')
        .append("    connection-per-second: ").append(perSecond).append('\n')
        .append("queues:\n  - id: support\n    channels: [chat]\n")
        .append("agents:\n");
    for (String id : agentIds()) {
      yaml.append("  - {id: ").append(id).append(", capacity: ").append(CHAT_COST * chatsPerAgent)
          .append(", channels: [chat]}\n");
    }
    return yaml.toString();
  }
}
