package dev.switchboard.routing.dispatch;

import static dev.switchboard.routing.dispatch.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What one contact costs Redis in the common case (enqueue and offer, accept, complete with no
 * wrap-up), read from Redis's own counters rather than from wall-clock time, so a busy machine does
 * not distort it: commands run (inside scripts included), script time and the server's CPU time.
 * Agent backlogs are filled first, so stream trimming is part of the measured steady state, and a
 * subscriber receives every event, as on a running node.
 */
class RoutingCostIT {

  private static final int AGENTS = 100;
  private static final int BATCH = 50;
  private static final int WARM_UP = 4_000;
  private static final int MEASURED = 4_000;
  private static final int BACKLOG = 100;
  /** Time between an offer and its accept, and between the accept and the complete: waits are not zero. */
  private static final java.time.Duration STEP = java.time.Duration.ofMillis(1);
  /** Redis commands per contact, inside scripts included; the figure docs/routing.md reports, plus headroom. */
  private static final double MAX_COMMANDS_PER_CONTACT = 56;

  private static final List<QueueId> QUEUES = List.of(new QueueId("voice"), new QueueId("chat"),
      new QueueId("email"), new QueueId("billing"), new QueueId("callback"));
  private static final Channel[] CHANNELS = {Channel.VOICE, Channel.CHAT, Channel.EMAIL, Channel.VOICE, Channel.CALLBACK};

  @Test
  void aHandledContactStaysWithinItsCommandBudget() {
    try (RoutingFixture fixture = new RoutingFixture(rules(), RoutingSettings.defaults().withBacklogSize(BACKLOG));
        StatefulRedisPubSubConnection<String, String> events = fixture.redis.client().connectPubSub()) {
      AtomicLong received = new AtomicLong();
      EventFeed feed = new EventFeed(fixture.vertx, fixture.redis.store().keys(), events);
      await(feed.start(event -> received.incrementAndGet()));
      loginAll(fixture);
      handle(fixture, 0, WARM_UP);
      Counters before = Counters.read(fixture);
      handle(fixture, WARM_UP, MEASURED);
      Counters after = Counters.read(fixture);

      double commands = (double) (after.commands - before.commands) / MEASURED;
      System.out.printf("routing cost per handled contact over %,d contacts (%s): %.2f runs, %.1f commands, "
          + "%.1f us in runs, %.1f us Redis CPU%n", MEASURED, after.calls.containsKey("fcall") ? "functions" : "scripts",
          (double) (after.scripts - before.scripts) / MEASURED,
          commands, (double) (after.scriptMicros - before.scriptMicros) / MEASURED,
          (after.cpuMicros - before.cpuMicros) / MEASURED);
      System.out.println("commands per contact: " + after.perContact(before, MEASURED));
      System.out.println("us per contact by command: " + after.microsPerContact(before, MEASURED));
      assertThat(fixture.outcomes.ended).hasSize(WARM_UP + MEASURED);
      assertThat(received.get()).isPositive();
      assertThat(commands).isLessThanOrEqualTo(MAX_COMMANDS_PER_CONTACT);
      long calls = after.calls.getOrDefault("fcall", 0L) - before.calls.getOrDefault("fcall", 0L);
      assertThat(calls).as("function calls: the router runs as a function where Redis has functions (7.0+)")
          .isEqualTo(serverMajorVersion(fixture) >= 7 ? 3L * MEASURED : 0L);
      await(feed.stop());
    }
  }

  private static int serverMajorVersion(RoutingFixture fixture) {
    Matcher version = Pattern.compile("redis_version:(\\d+)\\.").matcher(
        await(fixture.redis.store().run(redis -> redis.info("server"))));
    assertThat(version.find()).isTrue();
    return Integer.parseInt(version.group(1));
  }

  private static RoutingRules rules() {
    List<QueuePolicy> queues = new ArrayList<>();
    for (int i = 0; i < QUEUES.size(); i++) {
      Map<String, Integer> needs = i == 3 ? Map.of("billing", 3) : Map.of("general", 1);
      queues.add(QueuePolicy.of(QUEUES.get(i), EnumSet.of(CHANNELS[i]), needs));
    }
    return new RoutingRules(Set.of("general", "billing"), Set.of("break"), ChannelCosts.defaults(), queues);
  }

  private static void loginAll(RoutingFixture fixture) {
    List<Future<Void>> logins = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      AgentProfile profile = new AgentProfile(new AgentId("agent-" + i), "Agent " + i,
          Map.of("general", 5, "billing", 1 + i % 9), AgentProfile.DEFAULT_CAPACITY, EnumSet.allOf(Channel.class),
          Optional.empty(), Map.of());
      logins.add(fixture.router.login(profile).compose(session -> fixture.router.setPresence(profile.id(), Presence.ready())));
    }
    await(Future.all(logins));
  }

  /** Contacts {@code from..from+count}, {@link #BATCH} at a time: enqueued, offered, accepted, completed. */
  private static void handle(RoutingFixture fixture, int from, int count) {
    for (int start = from; start < from + count; start += BATCH) {
      List<Future<ContactState>> batch = new ArrayList<>();
      for (int n = start; n < start + BATCH; n++) {
        int queue = (n * 37) % QUEUES.size();
        Router router = fixture.router;
        batch.add(router.enqueue(ContactRequest.of(CHANNELS[queue], QUEUES.get(queue))).compose(result -> {
          Offer offer = ((EnqueueResult.Queued) result).offer().orElseThrow(
              () -> new AssertionError("contact " + result.contact() + " found no free agent"));
          fixture.clock.advance(STEP);
          return router.accept(offer.contact(), offer.agent()).compose(accepted -> {
            fixture.clock.advance(STEP);
            return router.complete(offer.contact(), offer.agent(), Optional.empty(), "");
          });
        }));
      }
      await(Future.all(batch));
    }
  }

  /** Redis's cumulative counters: commands run, script and function calls and their time, server CPU. */
  private record Counters(long commands, long scripts, long scriptMicros, double cpuMicros, Map<String, Long> calls,
      Map<String, Long> micros) {

    String microsPerContact(Counters before, int contacts) {
      return perContact(micros, before.micros, contacts, "%s %.1f", 0.05);
    }

    String perContact(Counters before, int contacts) {
      return perContact(calls, before.calls, contacts, "%s %.2f", 0.005);
    }

    /** Each command's growth per contact from {@code before} to {@code after}, by name, leaving out the smallest. */
    private static String perContact(Map<String, Long> after, Map<String, Long> before, int contacts, String format,
        double least) {
      java.util.Map<String, Double> delta = new java.util.TreeMap<>();
      after.forEach((name, value) -> delta.put(name, (double) (value - before.getOrDefault(name, 0L)) / contacts));
      delta.values().removeIf(value -> value < least);
      return delta.entrySet().stream().map(entry -> String.format(format, entry.getKey(), entry.getValue()))
          .collect(java.util.stream.Collectors.joining(", "));
    }

    private static final Pattern COMMAND = Pattern.compile("cmdstat_(\\w+):calls=(\\d+),usec=(\\d+)");
    private static final Pattern CPU = Pattern.compile("used_cpu_(?:user|sys):([0-9.]+)");

    static Counters read(RoutingFixture fixture) {
      String info = await(fixture.redis.store().run(redis -> redis.info("commandstats")));
      String cpu = await(fixture.redis.store().run(redis -> redis.info("cpu")));
      long commands = 0;
      long scripts = 0;
      long scriptMicros = 0;
      Map<String, Long> calls = new java.util.HashMap<>();
      Map<String, Long> micros = new java.util.HashMap<>();
      Matcher command = COMMAND.matcher(info);
      while (command.find()) {
        String name = command.group(1);
        long count = Long.parseLong(command.group(2));
        long us = Long.parseLong(command.group(3));
        calls.put(name, count);
        micros.put(name, us);
        if (name.equals("evalsha") || name.equals("eval") || name.equals("fcall")) {
          scripts += count;
          scriptMicros += us;
        } else if (!name.equals("info") && !name.equals("function")) {
          commands += count;
        }
      }
      double cpuSeconds = 0;
      Matcher used = CPU.matcher(cpu);
      while (used.find()) {
        cpuSeconds += Double.parseDouble(used.group(1));
      }
      return new Counters(commands, scripts, scriptMicros, cpuSeconds * 1e6, calls, micros);
    }
  }
}
