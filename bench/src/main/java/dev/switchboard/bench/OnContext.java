package dev.switchboard.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The benchmarks' main thread driving work on a Vert.x context, and the free ports their servers listen on. */
final class OnContext {

  private OnContext() {}

  /** Runs {@code action} on {@code context} and waits (at most ten minutes) for the future it returns. */
  static <T> T await(Context context, Supplier<Future<T>> action) throws Exception {
    Promise<T> promise = Promise.promise();
    context.runOnContext(ignored -> action.get().onComplete(promise));
    return promise.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }

  /** A loopback port free right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
