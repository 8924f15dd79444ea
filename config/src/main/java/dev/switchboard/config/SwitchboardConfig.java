package dev.switchboard.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration of one Switchboard node.
 *
 * @param source the file it was read from, empty when built from defaults and the environment only
 * @param routing the router's scalar settings ({@code routing.*})
 * @param agents the {@code agents:} list, in file order, ids unique
 * @param queues the {@code queues:} list, in file order, ids unique and cross-references checked
 * @param phone the phone channel ({@code phone:}), absent when no PBX is configured
 * @param chat the web chat sites and connection limits ({@code chat:})
 */
public record SwitchboardConfig(
    ServerSettings server,
    RedisSettings redis,
    DirectorySettings directory,
    Optional<Path> source,
    RoutingSection routing,
    List<AgentSettings> agents,
    List<QueueSettings> queues,
    Optional<PhoneSection> phone,
    ChatSection chat) {

  public SwitchboardConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(routing, "routing");
    agents = List.copyOf(agents);
    queues = List.copyOf(queues);
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(chat, "chat");
  }

  /** A configuration with default routing settings, no agents or queues, no phone channel and no chat site. */
  public SwitchboardConfig(
      ServerSettings server, RedisSettings redis, DirectorySettings directory, Optional<Path> source) {
    this(server, redis, directory, source, RoutingSection.defaults(), List.of(), List.of(), Optional.empty(),
        ChatSection.defaults());
  }

  /** The same configuration with other server settings, e.g. a port given on the command line. */
  public SwitchboardConfig withServer(ServerSettings value) {
    return new SwitchboardConfig(value, redis, directory, source, routing, agents, queues, phone, chat);
  }

  /** The same configuration with the phone channel {@code value} (the demo's simulated PBX). */
  public SwitchboardConfig withPhone(Optional<PhoneSection> value) {
    return new SwitchboardConfig(server, redis, directory, source, routing, agents, queues, value, chat);
  }

  /** The same configuration with other chat settings, e.g. the sites a test serves. */
  public SwitchboardConfig withChat(ChatSection value) {
    return new SwitchboardConfig(server, redis, directory, source, routing, agents, queues, phone, value);
  }
}
