package dev.switchboard.routing.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RedisStoreTest {

  @Test
  void aCommandRefusedByAShutDownClientIsStoreUnavailable() {
    assertThat(RedisStore.refused(new IllegalStateException("cannot be started once stopped")))
        .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("shut down");
    assertThat(RedisStore.refused(new java.util.concurrent.RejectedExecutionException("terminated")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(RedisStore.refused(new RedisException("ERR wrong number of arguments")))
        .isNotInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void connectivityFailuresBecomeStoreUnavailable() {
    assertThat(RedisStore.translate(new RedisConnectionException("refused"))).isInstanceOf(StoreUnavailableException.class);
    assertThat(RedisStore.translate(new RedisCommandTimeoutException("slow"))).isInstanceOf(StoreUnavailableException.class);
    assertThat(RedisStore.translate(new ClosedChannelException())).isInstanceOf(StoreUnavailableException.class);
    assertThat(RedisStore.translate(new CompletionException(new ClosedChannelException())))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(RedisStore.translate(new RedisException("Currently not connected. Commands are rejected.")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(RedisStore.translate(new RedisException("Connection is closed")))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void redisErrorsStayWhatTheyAre() {
    RedisCommandExecutionException wrongType = new RedisCommandExecutionException("WRONGTYPE Operation against a key");

    assertThat(RedisStore.translate(wrongType)).isSameAs(wrongType);
  }
}
