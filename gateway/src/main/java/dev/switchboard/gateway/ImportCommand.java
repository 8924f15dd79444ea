package dev.switchboard.gateway;

import dev.switchboard.config.RedisSettings;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.api.ImportRoutes;
import dev.switchboard.gateway.redis.RedisConnection;
import dev.switchboard.routing.customer.CustomerImport;
import dev.switchboard.routing.customer.CustomerJson;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.ImportError;
import dev.switchboard.routing.customer.ImportFormat;
import dev.switchboard.routing.customer.ImportSummary;
import dev.switchboard.routing.customer.RedisCustomerDirectory;
import dev.switchboard.routing.store.RedisStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code switchboard import FILE}: bulk-loads customers straight into the configured Redis (the
 * running demo's embedded one when there is no {@code redis.uri}), with progress on the terminal
 * and a summary naming every bad row. Exit status 0 when every row was imported, 3 when some were
 * rejected, 1 when the file cannot be read.
 */
final class ImportCommand {

  static final int STATUS_REJECTED_ROWS = 3;
  private static final int PROGRESS_EVERY = 10_000;
  private static final int ERRORS_SHOWN = 20;
  private static final Duration BULK_TIMEOUT = Duration.ofSeconds(60);

  private ImportCommand() {}

  static int run(SwitchboardConfig config, Optional<String> fileName, Optional<String> formatName) {
    Path file = Path.of(fileName.orElseThrow());
    ImportFormat format = formatName.map(ImportRoutes::formatNamed)
        .orElseGet(() -> ImportFormat.forFileName(file.getFileName().toString()));
    PrintStream out = System.err;
    try (InputStream in = Files.newInputStream(file);
        RedisConnection redis = RedisConnection.open(bulk(config.redis()), new SimpleMeterRegistry())) {
      Vertx vertx = Vertx.vertx();
      try {
        IdentityNormalizer normalizer = new IdentityNormalizer(config.directory().defaultRegion());
        RedisStore store = new RedisStore(vertx, redis.connection(), config.redis().center());
        CustomerImport importer = new CustomerImport(
            new RedisCustomerDirectory(store, normalizer, config.directory().timelineLimit(), Clock.systemUTC()),
            new CustomerJson(normalizer));
        out.printf("Importing %s (%s) into Redis at %s%n", file, format.name().toLowerCase(), redis.displayUri());
        ImportSummary summary = importer.run(in, format, (rows, imported, rejected) -> {
          if (rows % PROGRESS_EVERY == 0) {
            out.printf("\r  %,d rows read, %,d imported, %,d rejected", rows, imported, rejected);
          }
        });
        report(summary, out);
        return summary.rejected() == 0 ? 0 : STATUS_REJECTED_ROWS;
      } finally {
        Node.await(vertx.close(), "stop Vert.x");
      }
    } catch (NoSuchFileException e) {
      out.println("switchboard import: no file " + file);
      return 1;
    } catch (IOException e) {
      out.println("switchboard import: cannot read " + file + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("switchboard import: interrupted");
      return 1;
    }
  }

  /**
   * The connection settings for a bulk load: thousands of pipelined scripts wait behind each other, so a
   * command may take longer than an interactive call is allowed to.
   */
  private static RedisSettings bulk(RedisSettings settings) {
    Duration timeout = settings.commandTimeout().compareTo(BULK_TIMEOUT) > 0 ? settings.commandTimeout() : BULK_TIMEOUT;
    return new RedisSettings(settings.uri(), settings.password(), settings.center(), settings.dataDir(), timeout,
        settings.connectTimeout());
  }

  private static void report(ImportSummary summary, PrintStream out) {
    double seconds = Math.max(summary.elapsed().toMillis(), 1) / 1000.0;
    out.printf("%nImported %,d of %,d rows in %.1f s (%,.0f rows/s); %,d rejected%n",
        summary.imported(), summary.rowsRead(), seconds, summary.imported() / seconds, summary.rejected());
    int shown = 0;
    for (ImportError error : summary.firstErrors()) {
      if (shown++ == ERRORS_SHOWN) {
        break;
      }
      out.printf("  line %d: %s%n", error.line(), error.reason());
    }
    if (summary.rejected() > ERRORS_SHOWN) {
      out.printf("  ... and %,d more rejected rows%n", summary.rejected() - ERRORS_SHOWN);
    }
  }
}
