package dev.switchboard.routing.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis server process on loopback, for the embedded mode and for tests.
 *
 * <p>Uses the machine's {@code redis-server} when it is on the {@code PATH}, otherwise the Linux
 * binary shipped inside the {@code embedded-redis} artifact. With persistence on, data is kept
 * in an append-only file in the data directory, and the port is written to {@code redis.port}
 * there so a second process on the same directory (an import while the demo runs, say) attaches to
 * the running server instead of starting another one on the same files.
 *
 * <p>Every method blocks: call from {@code main} or a worker thread, never from an event loop.
 */
public final class LocalRedisServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalRedisServer.class);
  private static final String PORT_FILE = "redis.port";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Path dataDir;
  private final int port;
  private final Optional<Process> process;

  private LocalRedisServer(Path dataDir, int port, Optional<Process> process) {
    this.dataDir = dataDir;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts a Redis that persists into {@code dataDir}, or attaches to the one already serving it.
   */
  public static LocalRedisServer startPersistent(Path dataDir) throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Optional<Integer> running = runningPort(dir);
    if (running.isPresent()) {
      log.info("Attaching to the local Redis already serving {} on 127.0.0.1:{}", dir, running.get());
      return new LocalRedisServer(dir, running.get(), Optional.empty());
    }
    LocalRedisServer server = launch(dir, List.of("--appendonly", "yes", "--appendfsync", "everysec"), 0, true);
    Files.writeString(dir.resolve(PORT_FILE), Integer.toString(server.port));
    return server;
  }

  /**
   * Starts a persistent Redis on a given port, e.g. to bring a stopped server back where its
   * clients expect it. Fails if the port is taken.
   */
  public static LocalRedisServer startPersistent(Path dataDir, int port) throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    LocalRedisServer server = launch(dir, List.of("--appendonly", "yes", "--appendfsync", "everysec"), port, true);
    Files.writeString(dir.resolve(PORT_FILE), Integer.toString(server.port));
    return server;
  }

  /** Starts a throw-away Redis with no persistence, for tests and benchmarks. */
  public static LocalRedisServer startEphemeral() throws IOException {
    Path dir = Files.createTempDirectory("switchboard-redis-");
    dir.toFile().deleteOnExit();
    return launch(dir, List.of("--appendonly", "no"), 0, true);
  }

  /**
   * Starts a throw-away Redis from the binary shipped in the {@code embedded-redis} artifact even when
   * the machine has its own: what a machine with only a JDK runs, for tests of that case.
   */
  public static LocalRedisServer startEphemeralShipped() throws IOException {
    Path dir = Files.createTempDirectory("switchboard-redis-");
    dir.toFile().deleteOnExit();
    return launch(dir, List.of("--appendonly", "no"), 0, false);
  }

  public int port() {
    return port;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** True when this object started the process (and so stops it on close). */
  public boolean owned() {
    return process.isPresent();
  }

  /** Stops the process if this object started it; Redis writes its append-only file first. */
  @Override
  public void close() {
    if (process.isEmpty()) {
      return;
    }
    Process redis = process.get();
    redis.destroy();
    try {
      if (!redis.waitFor(15, TimeUnit.SECONDS)) {
        log.warn("Local Redis on port {} did not stop within 15 s; killing it", port);
        redis.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      redis.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(dataDir.resolve(PORT_FILE));
    } catch (IOException e) {
      log.warn("Could not remove {}: {}", dataDir.resolve(PORT_FILE), e.getMessage());
    }
    log.info("Local Redis on port {} stopped", port);
  }

  private static LocalRedisServer launch(Path dir, List<String> persistence, int fixedPort, boolean preferInstalled)
      throws IOException {
    Path binary = preferInstalled ? binary(dir) : shipped(dir);
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = fixedPort > 0 ? fixedPort : freePort();
      List<String> command = new ArrayList<>(List.of(binary.toString(),
          "--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
          "--dir", dir.toString(), "--save", "", "--daemonize", "no",
          "--logfile", dir.resolve("redis.log").toString()));
      command.addAll(persistence);
      Process redis = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        awaitPing(port, redis);
        log.info("Local Redis {} started on 127.0.0.1:{} with data in {}", binary, port, dir);
        return new LocalRedisServer(dir, port, Optional.of(redis));
      } catch (IOException e) {
        redis.destroyForcibly();
        last = e;
      }
    }
    throw new IOException("Could not start the local Redis (" + binary + "): " + last.getMessage()
        + " [see " + dir.resolve("redis.log") + "]", last);
  }

  private static Optional<Integer> runningPort(Path dir) throws IOException {
    Path file = dir.resolve(PORT_FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(Files.readString(file).trim());
      if (ping(port)) {
        return Optional.of(port);
      }
    } catch (NumberFormatException e) {
      log.warn("Ignoring unreadable {}", file);
    }
    Files.deleteIfExists(file);
    return Optional.empty();
  }

  private static void awaitPing(int port, Process redis) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!redis.isAlive()) {
        throw new IOException("redis-server exited with status " + redis.exitValue());
      }
      if (ping(port)) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for redis-server", e);
      }
    }
    throw new IOException("redis-server did not answer PING within " + START_TIMEOUT.toSeconds() + " s");
  }

  private static boolean ping(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = new byte[7];
      int read = socket.getInputStream().readNBytes(reply, 0, 7);
      return read == 7 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The machine's redis-server if installed, else the one shipped in the embedded-redis jar. */
  private static Path binary(Path dir) throws IOException {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(entry.isEmpty() ? "." : entry, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return shipped(dir);
  }

  /** The redis-server shipped in the embedded-redis jar, copied into {@code dir/.bin} on first use. */
  private static Path shipped(Path dir) throws IOException {
    String resource = shippedBinaryName();
    Path target = dir.resolve(".bin").resolve(resource);
    if (Files.isExecutable(target)) {
      return target;
    }
    Files.createDirectories(target.getParent());
    try (InputStream in = LocalRedisServer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("No redis-server on the PATH and no shipped binary " + resource
            + ": install Redis (e.g. apt-get install redis-server) or set redis.uri");
      }
      Path partial = Files.createTempFile(target.getParent(), "redis-server", ".part");
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      if (!partial.toFile().setExecutable(true)) {
        throw new IOException("Cannot make " + partial + " executable");
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return target;
  }

  private static String shippedBinaryName() throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
      return "redis-server-6.2.6-v5-linux-amd64";
    }
    if (os.contains("linux") && arch.equals("aarch64")) {
      return "redis-server-6.2.7-linux-arm64";
    }
    if (os.contains("mac") && arch.equals("aarch64")) {
      return "redis-server-6.2.6-v5-darwin-arm64";
    }
    if (os.contains("mac")) {
      return "redis-server-6.2.6-v5-darwin-amd64";
    }
    throw new IOException("No shipped redis-server for " + os + "/" + arch
        + ": install Redis and put redis-server on the PATH, or set redis.uri");
  }
}
