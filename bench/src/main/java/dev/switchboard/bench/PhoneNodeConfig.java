package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration file the phone benchmark's node runs with: one voice queue without wrap-up, agents that take
 * calls only, each with a phone device on the simulated PBX, and the simulator as the one PBX (its AMI secret in
 * {@value #SECRET_VARIABLE}).
 */
record PhoneNodeConfig(int port, String redisUri, int amiPort, int agiPort, String amiUser, int agents) {

  static final String SECRET_VARIABLE = "BENCH_AMI_SECRET";
  static final String PBX_ID = "bench";
  private static final int FIRST_EXTENSION = 10_000;

  List<String> agentIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      ids.add(String.format("bench-agent-%05d", i + 1));
    }
    return ids;
  }

  String yaml() {
    StringBuilder yaml = new StringBuilder()
        .append("server:\n  host: 127.0.0.1\n  port: ").append(port).append("\n  shutdown-grace: 1s\n")
        .append("redis:\n  uri: ").append(redisUri).append("\n  center: bench-phone\n")
        .append("routing:\n  offer-timeout: 30s\n  preferred-agent-wait: 0s\n")
        .append("phone:\n  agi:\n    bind-address: 127.0.0.1\n    port: ").append(agiPort).append('\n')
        .append("  pbxs:\n    - id: ").append(PBX_ID).append("\n      host: 127.0.0.1\n      port: ").append(amiPort)
        .append("\n      username: ").append(amiUser).append("\n      secret: env:").append(SECRET_VARIABLE).append('\n')
        .append("queues:\n  - id: support\n    channels: [voice]\n    wrap-up: 0s\n")
        .append("agents:\n");
    List<String> ids = agentIds();
    for (int i = 0; i < ids.size(); i++) {
      yaml.append("  - {id: ").append(ids.get(i)).append(", channels: [voice], phone-device: PJSIP/")
          .append(FIRST_EXTENSION + i).append("}\n");
    }
    return yaml.toString();
  }
}
