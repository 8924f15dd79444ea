package dev.switchboard.gateway;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.agent.DeskSettings;
import dev.switchboard.gateway.demo.DemoExtension;
import dev.switchboard.gateway.demo.DemoSeed;
import dev.switchboard.gateway.routing.ConfiguredRouting;
import dev.switchboard.gateway.redis.RedisStartException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code demo}, {@code start} and {@code import}. Exit status 2 is a usage or
 * configuration error, 1 a failure to start or a run with rejected input.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    main(args, Optional.empty());
  }

  /** The command line with {@code extension} added to {@code demo} (the bench module's simulated PBX). */
  public static void main(String[] args, Optional<DemoExtension> extension) {
    int status;
    try {
      status = run(CommandLine.parse(args), System.getenv(), extension);
    } catch (CommandLine.UsageException | ConfigException e) {
      System.err.println("switchboard: " + e.getMessage());
      status = 2;
    } catch (RedisStartException e) {
      System.err.println("switchboard: " + e.getMessage());
      status = 1;
    }
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(CommandLine command, Map<String, String> env) {
    return run(command, env, Optional.empty());
  }

  static int run(CommandLine command, Map<String, String> env, Optional<DemoExtension> extension) {
    return switch (command.name()) {
      case "demo" -> serve(command, env, extension, true);
      case "start" -> serve(command, env, Optional.empty(), false);
      case "import" -> ImportCommand.run(load(command, env), command.argument(),
          command.option("format"));
      default -> throw new CommandLine.UsageException("unknown command '" + command.name() + "'");
    };
  }

  private static int serve(CommandLine command, Map<String, String> env, Optional<DemoExtension> extension,
      boolean demo) {
    if (!demo && command.option("config").isEmpty() && !env.containsKey("SWITCHBOARD_CONFIG")) {
      throw new CommandLine.UsageException("start needs --config FILE (or SWITCHBOARD_CONFIG); "
          + "use ./switchboard demo to try it with everything embedded");
    }
    SwitchboardConfig config = extension.map(added -> added.configure(load(command, env)))
        .orElseGet(() -> load(command, env));
    Node node;
    try {
      node = extension.isEmpty() ? Node.start(config) : Node.start(config, ConfiguredRouting.from(config),
          extension.get().desk(DeskSettings.defaults()), Optional.empty());
    } catch (RuntimeException e) {
      extension.ifPresent(DemoExtension::close);
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      extension.ifPresent(DemoExtension::close);
      node.close();
      stopped.countDown();
    }, "switchboard-shutdown"));
    if (demo) {
      DemoSeed.ensure(node);
      DemoSeed.printWelcome(node, System.out);
      extension.ifPresent(added -> added.started(node, System.out));
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static SwitchboardConfig load(CommandLine command, Map<String, String> env) {
    Optional<Path> file = command.option("config").or(() -> Optional.ofNullable(env.get("SWITCHBOARD_CONFIG")))
        .map(Path::of);
    Map<String, String> environment = env;
    if (command.name().equals("demo")) {
      environment = DemoSeed.withIdentityKey(env);
      if (file.isEmpty()) {
        file = Optional.of(DemoSeed.configuration(Path.of(env.getOrDefault("SWITCHBOARD_REDIS_DATA_DIR", "data"))));
      }
    }
    SwitchboardConfig config = ConfigLoader.load(file, environment);
    Optional<String> port = command.option("port");
    if (port.isPresent()) {
      config = config.withServer(config.server().withPort(CommandLine.port(port.get())));
    }
    return config;
  }
}
