package dev.switchboard.gateway.demo;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.gateway.auth.Role;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.ImportFormat;
import dev.switchboard.routing.customer.ImportProgress;
import dev.switchboard.routing.customer.ImportSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty demo center with generated customers, through the same import path a CSV file
 * takes, and prints what a newcomer should try. A second start finds the first one's data and
 * leaves it alone.
 */
public final class DemoSeed {

  private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
  static final int CUSTOMERS = 500;
  static final long SEED = 20_26L;
  /** Password of every demo account: a demo runs on a developer's machine, with demo data only. */
  public static final String DEMO_PASSWORD = "switchboard-demo";

  private DemoSeed() {}

  /** Variable holding the demo chat site's identity key, named by the demo configuration's {@code chat.sites}. */
  public static final String IDENTITY_KEY_VARIABLE = "SWITCHBOARD_DEMO_IDENTITY_KEY";

  /**
   * The environment with a random identity key for the demo chat site when none is set, so the demo needs no
   * setup while the key is still never written in a file; a user who signs identities exports their own.
   */
  public static Map<String, String> withIdentityKey(Map<String, String> environment) {
    String set = environment.get(IDENTITY_KEY_VARIABLE);
    if (set != null && !set.isEmpty()) {
      return environment;
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> extended = new HashMap<>(environment);
    extended.put(IDENTITY_KEY_VARIABLE, HexFormat.of().formatHex(key));
    return Map.copyOf(extended);
  }

  /** The demo's supervisor account, printed in the banner; demo data only. */
  public static final String SUPERVISOR = "demo-supervisor";

  /**
   * Sets up the demo's accounts (a supervisor, and one agent account per configured agent) and seeds the
   * demo customers unless they are there already. Blocks; call from main.
   */
  public static void ensure(Node node) {
    await(node.accounts().ensure(new AccountId(SUPERVISOR), "Demo Supervisor", Role.SUPERVISOR, DEMO_PASSWORD));
    for (AgentProfile agent : node.agents()) {
      await(node.accounts().ensure(new AccountId(agent.id().value()), agent.displayName(), Role.AGENT, DEMO_PASSWORD));
    }
    boolean present = await(node.directory().get(new CustomerId(DemoCustomers.id(0))).map(found -> found.isPresent()));
    if (present) {
      log.info("Demo customers already present; keeping the existing data");
      return;
    }
    DemoCustomers generator = new DemoCustomers(SEED);
    StringBuilder csv = new StringBuilder(DemoCustomers.CSV_HEADER).append('\n');
    for (long number = 0; number < CUSTOMERS; number++) {
      csv.append(generator.csvRow(number)).append('\n');
    }
    ImportSummary summary;
    try {
      summary = node.importer().run(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
          ImportFormat.CSV, ImportProgress.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while seeding the demo customers", e);
    }
    log.info("Seeded {} demo customers ({} rejected)", summary.imported(), summary.rejected());
  }

  /**
   * The demo's configuration file in the data directory, written from the bundled one on the first
   * start so a newcomer can read and change it. Blocks.
   */
  public static Path configuration(Path dataDir) {
    Path file = dataDir.resolve("switchboard-demo.yaml");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        try (InputStream bundled = DemoSeed.class.getResourceAsStream("/demo/switchboard-demo.yaml")) {
          Files.copy(java.util.Objects.requireNonNull(bundled, "bundled demo configuration"), file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the demo configuration " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The banner: URLs to open, something to look up, how to stop. */
  public static void printWelcome(Node node, PrintStream out) {
    DemoCustomers generator = new DemoCustomers(SEED);
    String base = "http://localhost:" + node.port();
    String shared = generator.phoneOf(24);
    out.println();
    out.println("Switchboard demo is running.");
    out.println("  Health:     " + base + "/health   Readiness: " + base + "/ready   Metrics: " + base + "/metrics");
    out.println("  Desktop:    " + base + "/agent/   (agents " + agentNames(node) + ", password " + DEMO_PASSWORD + ")");
    out.println("  Demo shop:  " + base + "/demo/   (a shop with the chat widget; ?queue=after-hours shows the offline form)");
    outdatedChat(node.config()).ifPresent(hint -> out.println("              " + hint));
    out.println("  Sign in:    " + SUPERVISOR + " / " + DEMO_PASSWORD + "   (demo supervisor), e.g.");
    out.println("              TOKEN=$(curl -s " + base + "/api/v1/sessions -H 'Content-Type: application/json' \\");
    out.println("                -d '{\"account\":\"" + SUPERVISOR + "\",\"password\":\"" + DEMO_PASSWORD
        + "\"}' | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')");
    out.println("  Screen-pop: curl -H \"Authorization: Bearer $TOKEN\" '" + base + "/api/v1/customers/lookup?phone="
        + encode(generator.phoneOf(0)) + "'");
    out.println("  Pick-list:  curl -H \"Authorization: Bearer $TOKEN\" '" + base + "/api/v1/customers/lookup?phone="
        + encode(shared) + "'   (two customers share this line)");
    out.println("  Search:     curl -H \"Authorization: Bearer $TOKEN\" '" + base + "/api/v1/customers?name=emma'");
    out.println("  Data:       " + node.config().redis().dataDir().toAbsolutePath().normalize()
        + " (embedded Redis, kept between runs)");
    out.println("Press Ctrl-C to stop (the embedded Redis stops with it).");
    out.println();
  }

  /**
   * What to do when the demo's configuration file has no chat site, as one written before the chat widget
   * existed: the file is the newcomer's to edit, so it is never replaced, but the widget refuses every chat.
   */
  static Optional<String> outdatedChat(SwitchboardConfig config) {
    if (!config.chat().sites().isEmpty()) {
      return Optional.empty();
    }
    Path file = config.redis().dataDir().resolve("switchboard-demo.yaml").toAbsolutePath().normalize();
    return Optional.of("Note: " + file + " configures no chat site (it was written by an older demo), so "
        + "the widget refuses every chat; delete the file and restart to get the current demo configuration.");
  }

  private static String agentNames(Node node) {
    return String.join(", ", node.agents().stream().map(agent -> agent.id().value()).sorted().toList());
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("Could not read the demo data: " + e.getMessage(), e);
    }
  }
}
