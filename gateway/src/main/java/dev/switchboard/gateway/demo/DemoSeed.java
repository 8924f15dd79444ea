package dev.switchboard.gateway.demo;

import dev.switchboard.gateway.Node;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.ImportFormat;
import dev.switchboard.routing.customer.ImportProgress;
import dev.switchboard.routing.customer.ImportSummary;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

  private DemoSeed() {}

  /** Seeds the demo customers unless they are there already. Blocks; call from main. */
  public static void ensure(Node node) {
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
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while seeding the demo customers", e);
    }
    log.info("Seeded {} demo customers ({} rejected)", summary.imported(), summary.rejected());
  }

  /** The banner: URLs to open, something to look up, how to stop. */
  public static void printWelcome(Node node, PrintStream out) {
    DemoCustomers generator = new DemoCustomers(SEED);
    String base = "http://localhost:" + node.port();
    String shared = generator.phoneOf(24);
    out.println();
    out.println("Switchboard demo is running.");
    out.println("  Health:     " + base + "/health   Readiness: " + base + "/ready   Metrics: " + base + "/metrics");
    out.println("  Screen-pop: " + base + "/api/v1/customers/lookup?phone=" + encode(generator.phoneOf(0)));
    out.println("  Pick-list:  " + base + "/api/v1/customers/lookup?phone=" + encode(shared)
        + "   (two customers share this line)");
    out.println("  Search:     " + base + "/api/v1/customers?name=%EA%B9%80   (김)   or ?name=emma");
    out.println("  Web chat:   " + base + "/demo/   (a shop with the chat widget; ?queue=after-hours for offline)");
    out.println("  Data:       " + node.config().redis().dataDir().toAbsolutePath().normalize()
        + " (embedded Redis, kept between runs)");
    out.println("Press Ctrl-C to stop (the embedded Redis stops with it).");
    out.println();
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
