package dev.switchboard.gateway.api;

import dev.switchboard.routing.customer.CustomerImport;
import dev.switchboard.routing.customer.ImportFormat;
import dev.switchboard.routing.customer.ImportSummary;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/customers/import?format=csv|jsonl}: the body streams to a temporary file (never
 * held in memory, capped at {@code server.import-limit}), then is imported on the {@code
 * customer-import} worker pool. The response is JSON lines: progress lines while it runs, then one
 * line with the summary, including bad rows with their line numbers.
 */
public final class ImportRoutes {

  private static final Logger log = LoggerFactory.getLogger(ImportRoutes.class);
  private static final int PROGRESS_EVERY = 50_000;

  private final Vertx vertx;
  private final CustomerImport importer;
  private final WorkerExecutor workers;
  private final long limitBytes;

  public ImportRoutes(Vertx vertx, CustomerImport importer, WorkerExecutor workers, long limitBytes) {
    this.vertx = vertx;
    this.importer = importer;
    this.workers = workers;
    this.limitBytes = limitBytes;
  }

  /** Mount before any body handler: this route reads the body as a stream. */
  public void mount(Router api) {
    api.post("/customers/import").handler(this::upload);
  }

  private void upload(RoutingContext context) {
    ImportFormat format = format(context.queryParams().get("format"));
    HttpServerRequest request = context.request();
    String length = request.getHeader("Content-Length");
    if (length != null && parseLong(length) > limitBytes) {
      context.fail(413);
      return;
    }
    request.pause();
    Path file;
    try {
      file = Files.createTempFile("switchboard-import-", "." + format.name().toLowerCase(java.util.Locale.ROOT));
    } catch (java.io.IOException e) {
      context.fail(e);
      return;
    }
    vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
        .compose(target -> {
          long[] received = {0};
          request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limitBytes) {
              request.connection().close();
            }
          });
          return request.pipeTo(target).map(done -> received[0]);
        })
        .onSuccess(size -> {
          if (size > limitBytes) {
            deleteQuietly(file);
            context.fail(413);
          } else {
            run(context, file, format);
          }
        })
        .onFailure(failure -> {
          deleteQuietly(file);
          context.fail(failure);
        });
  }

  private void run(RoutingContext context, Path file, ImportFormat format) {
    HttpServerResponse response = context.response()
        .setChunked(true)
        .putHeader("Content-Type", "application/x-ndjson");
    Context here = vertx.getOrCreateContext();
    Future<ImportSummary> done = workers.<ImportSummary>executeBlocking(() -> {
      try (InputStream in = Files.newInputStream(file)) {
        return importer.run(in, format, (rows, imported, rejected) -> {
          if (rows % PROGRESS_EVERY == 0) {
            here.runOnContext(ignored -> response.write(new JsonObject().put("progress",
                new JsonObject().put("rows", rows).put("imported", imported).put("rejected", rejected)).encode() + "\n"));
          }
        });
      } finally {
        deleteQuietly(file);
      }
    }, false);
    done.onSuccess(summary -> response.end(new JsonObject().put("summary", ImportJson.toJson(summary)).encode() + "\n"))
        .onFailure(failure -> {
          log.error("Customer import failed after upload", failure);
          response.end(new JsonObject().put("error", "import failed: " + failure.getMessage()).encode() + "\n");
        });
  }

  private static ImportFormat format(String raw) {
    if (raw == null) {
      throw ApiProblem.badRequest("Say the body's format with ?format=csv or ?format=jsonl.");
    }
    try {
      return formatNamed(raw);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }

  /** {@code csv} or {@code jsonl}, as the endpoint's query and the import command's option say it. */
  public static ImportFormat formatNamed(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "csv" -> ImportFormat.CSV;
      case "jsonl", "ndjson" -> ImportFormat.JSON_LINES;
      default -> throw new IllegalArgumentException("import format '" + name + "' is unknown: use csv or jsonl");
    };
  }

  private static long parseLong(String raw) {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("Content-Length '" + raw + "' is not a number.");
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      log.warn("Could not delete the temporary import file {}: {}", file, e.getMessage());
    }
  }
}
