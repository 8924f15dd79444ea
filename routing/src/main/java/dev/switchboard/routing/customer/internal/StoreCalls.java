package dev.switchboard.routing.customer.internal;

import dev.switchboard.routing.store.StoreUnavailableException;
import io.lettuce.core.RedisException;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Makes every directory call end in a future, never a thrown exception, and reports a closed
 * Lettuce connection (thrown on dispatch) or a socket lost mid-command (a Netty
 * {@code ClosedChannelException}) as {@link StoreUnavailableException}.
 */
public final class StoreCalls {

  private StoreCalls() {}

  public static <T> Future<T> guard(Supplier<Future<T>> call) {
    Future<T> future;
    try {
      future = call.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(translate(e));
    }
    return future.recover(failure -> Future.failedFuture(translate(failure)));
  }

  static Throwable translate(Throwable failure) {
    boolean closed = failure instanceof RedisException && failure.getMessage() != null
        && failure.getMessage().contains("is closed");
    if (closed || failure instanceof IOException) {
      return new StoreUnavailableException("Redis is unavailable: " + failure
          + "; check the Redis connection settings and that Redis is running", failure);
    }
    return failure;
  }
}
