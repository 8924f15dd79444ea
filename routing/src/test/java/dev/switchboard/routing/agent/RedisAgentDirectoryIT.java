package dev.switchboard.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisAgentDirectoryIT {

  private final Vertx vertx = Vertx.vertx();
  private final TestRedis.Connected redis = TestRedis.connect(vertx);
  private final RedisAgentDirectory directory = new RedisAgentDirectory(redis.store());

  @AfterEach
  void close() {
    redis.close();
    await(vertx.close());
  }

  private static AgentProfile profile(String id, int capacity) {
    return new AgentProfile(new AgentId(id), "Agent " + id, Map.of("korean", 9, "billing", 4), capacity,
        EnumSet.of(Channel.VOICE, Channel.CHAT), Optional.of("PJSIP/1001"), Map.of(Channel.CHAT, 2));
  }

  @Test
  void savedProfilesComeBackWhole() {
    AgentProfile kim = profile("kim", 100);

    await(directory.save(kim));

    assertThat(await(directory.get(new AgentId("kim")))).contains(kim);
    assertThat(await(directory.get(new AgentId("nobody")))).isEmpty();
  }

  @Test
  void savingAgainReplacesAndListingIsOrderedById() {
    await(directory.save(profile("lee", 100)));
    await(directory.save(profile("choi", 100)));
    await(directory.save(profile("lee", 60)));

    assertThat(await(directory.list())).extracting(p -> p.id().value(), AgentProfile::capacity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("choi", 100), org.assertj.core.groups.Tuple.tuple("lee", 60));
  }

  @Test
  void deleteSaysWhetherThereWasOne() {
    await(directory.save(profile("park", 100)));

    assertThat(await(directory.delete(new AgentId("park")))).isTrue();
    assertThat(await(directory.delete(new AgentId("park")))).isFalse();
    assertThat(await(directory.list())).isEmpty();
  }

  @Test
  void theVersionMovesOnEveryWriteAndOnlyThenAndIdsComeWithoutProfiles() {
    long empty = await(directory.version());
    await(directory.save(profile("yoon", 100)));
    long saved = await(directory.version());
    assertThat(saved).isGreaterThan(empty);

    assertThat(await(directory.create(profile("yoon", 50)))).isFalse();
    assertThat(await(directory.delete(new AgentId("nobody")))).isFalse();
    assertThat(await(directory.version())).as("refused writes change nothing").isEqualTo(saved);

    assertThat(await(directory.create(profile("ahn", 100)))).isTrue();
    long created = await(directory.version());
    assertThat(created).isGreaterThan(saved);
    assertThat(await(directory.delete(new AgentId("ahn")))).isTrue();
    assertThat(await(directory.version())).isGreaterThan(created);

    await(directory.save(profile("bae", 100)));
    assertThat(await(directory.ids())).extracting(AgentId::value).containsExactly("bae", "yoon");
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
