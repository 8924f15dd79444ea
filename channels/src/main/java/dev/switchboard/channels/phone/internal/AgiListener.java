package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.CallIntake;
import dev.switchboard.channels.phone.CallerHangupRelay;
import dev.switchboard.channels.phone.CallerIdNormalizer;
import dev.switchboard.channels.phone.FastAgiSettings;
import io.vertx.core.Context;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk-Java's FastAGI server on threads we own: {@code fastagi-accept} runs the accept loop,
 * {@code fastagi-N} serve requests. {@link #start()} completes once the port is bound.
 */
public final class AgiListener {

  private static final Logger log = LoggerFactory.getLogger(AgiListener.class);

  private final FastAgiSettings settings;
  private final CompletableFuture<Void> bound = new CompletableFuture<>();
  private final Server server;
  private Thread acceptThread;

  public AgiListener(FastAgiSettings settings, Context context, CallIntake intake, CallerIdNormalizer normalizer,
      CallerHangupRelay hangups, Clock clock) {
    this.settings = settings;
    RouteScript route = new RouteScript(context, intake, normalizer, hangups, settings.intakeTimeout(), clock);
    this.server = new Server(new AgiScripts(Map.of("route", route)));
    server.setPort(settings.port());
    server.setPoolSize(Math.min(10, settings.maxConcurrentCalls()));
    server.setMaximumPoolSize(settings.maxConcurrentCalls());
  }

  /** Asterisk-Java's server, told to use our thread names and to report when it is bound. */
  private final class Server extends DefaultAgiServer {
    private final AtomicInteger threads = new AtomicInteger();

    Server(AgiScripts scripts) {
      super(scripts);
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
      ServerSocketFacade socket = super.createServerSocket();
      bound.complete(null);
      return socket;
    }

    @Override
    protected ThreadPoolExecutor createPool() {
      return new ThreadPoolExecutor(getPoolSize(), Math.max(getPoolSize(), getMaximumPoolSize()), 60,
          TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "fastagi-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
    }
  }

  /** Starts listening on {@code fastagi-accept}; the future fails with a clear message if it cannot bind. */
  public synchronized CompletableFuture<Void> start() {
    if (acceptThread != null) {
      return bound;
    }
    try {
      server.setAddress(InetAddress.getByName(settings.bindAddress()));
    } catch (IOException e) {
      bound.completeExceptionally(new IllegalArgumentException("phone.agi.bind-address '"
          + settings.bindAddress() + "' is not an address of this host: " + e.getMessage(), e));
      return bound;
    }
    acceptThread = new Thread(this::acceptLoop, "fastagi-accept");
    acceptThread.setDaemon(true);
    acceptThread.start();
    return bound;
  }

  private void acceptLoop() {
    try {
      server.startup();
    } catch (IOException | RuntimeException e) {
      boolean atStart = bound.completeExceptionally(new IllegalStateException("FastAGI cannot listen on "
          + settings.address() + ": " + e.getMessage() + "; check phone.agi.port and that no other process uses it",
          e));
      if (!atStart) {
        log.error("FastAGI listener on {} stopped: {}", settings.address(), e.getMessage());
      }
    }
  }

  public synchronized void stop() throws InterruptedException {
    if (acceptThread == null) {
      return;
    }
    try {
      server.shutdown();
    } catch (IllegalStateException e) {
      log.debug("FastAGI already stopped: {}", e.getMessage());
    }
    acceptThread.join(TimeUnit.SECONDS.toMillis(5));
    acceptThread = null;
  }
}
