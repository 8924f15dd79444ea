package dev.switchboard.routing.customer;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of customers from CSV or JSON lines: each line is decoded strictly as UTF-8 and
 * validated on its own (a bad line is reported with its number and reason, never stops the import),
 * good rows are saved in pipelined batches with a bounded number in flight, so memory stays flat.
 *
 * <p>{@link #run} <b>blocks</b> the calling thread while it reads: call it from a {@code main}
 * thread, a thread of its own, or {@code vertx.executeBlocking} started from an event-loop context;
 * never from an event loop or a worker verticle (whose batch results it would wait for in vain).
 * An instance holds no state between runs and may serve several runs at once.
 */
public final class CustomerImport {

  public static final int DEFAULT_BATCH_SIZE = 1000;
  public static final int DEFAULT_BATCHES_IN_FLIGHT = 8;
  public static final int DEFAULT_PROGRESS_EVERY = 10_000;
  public static final Duration DEFAULT_BATCH_TIMEOUT = Duration.ofSeconds(30);
  /** Longest line accepted, in bytes. */
  public static final int MAX_LINE_BYTES = 1 << 20;
  /** Most physical lines one quoted CSV record may span. */
  public static final int MAX_RECORD_LINES = 100;

  private static final Logger log = LoggerFactory.getLogger(CustomerImport.class);

  private final CustomerDirectory directory;
  private final CustomerJson json;
  private final int batchSize;
  private final int batchesInFlight;
  private final int progressEvery;
  private final Duration batchTimeout;

  public CustomerImport(CustomerDirectory directory, CustomerJson json) {
    this(directory, json, DEFAULT_BATCH_SIZE, DEFAULT_BATCHES_IN_FLIGHT, DEFAULT_PROGRESS_EVERY,
        DEFAULT_BATCH_TIMEOUT);
  }

  public CustomerImport(CustomerDirectory directory, CustomerJson json, int batchSize, int batchesInFlight,
      int progressEvery, Duration batchTimeout) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.json = Objects.requireNonNull(json, "json");
    if (batchSize < 1 || batchesInFlight < 1 || progressEvery < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + ", batches in flight " + batchesInFlight
          + " and progress interval " + progressEvery + " must all be at least 1");
    }
    this.batchSize = batchSize;
    this.batchesInFlight = batchesInFlight;
    this.progressEvery = progressEvery;
    this.batchTimeout = Objects.requireNonNull(batchTimeout, "batchTimeout");
  }

  /** Imports a file, choosing the format by its extension ({@link ImportFormat#forFileName}). */
  public ImportSummary run(Path file, ImportProgress listener) throws IOException, InterruptedException {
    ImportFormat format = ImportFormat.forFileName(file.getFileName().toString());
    try (InputStream in = Files.newInputStream(file)) {
      return run(in, format, listener);
    }
  }

  /**
   * Reads the stream to its end and stores its good rows; blocks until every batch is confirmed.
   *
   * @throws IllegalArgumentException when the file as a whole is unusable (empty, CSV header without id)
   * @throws dev.switchboard.routing.store.StoreUnavailableException when Redis stops answering
   */
  public ImportSummary run(InputStream in, ImportFormat format, ImportProgress listener)
      throws IOException, InterruptedException {
    refuseBlockingContext();
    Utf8LineReader lines = new Utf8LineReader(in, MAX_LINE_BYTES);
    ImportRun run = new ImportRun(directory, batchSize, batchesInFlight, batchTimeout);
    if (format == ImportFormat.CSV) {
      readCsv(lines, run, listener);
    } else {
      readJsonLines(lines, run, listener);
    }
    ImportSummary summary = run.finish();
    listener.progress(summary.rowsRead(), summary.imported(), summary.rejected());
    log.info("Customer import ({}) read {} rows: {} stored, {} rejected in {} ms", format, summary.rowsRead(),
        summary.imported(), summary.rejected(), summary.elapsed().toMillis());
    return summary;
  }

  private void readJsonLines(Utf8LineReader lines, ImportRun run, ImportProgress listener)
      throws IOException, InterruptedException {
    for (Utf8LineReader.Line line = lines.next(); line != null; line = lines.next()) {
      if (line.ok() && line.text().isBlank()) {
        continue;
      }
      if (line.ok()) {
        addJsonLine(run, line);
      } else {
        run.reject(line.number(), line.error());
      }
      report(run, listener);
    }
  }

  private void addJsonLine(ImportRun run, Utf8LineReader.Line line) throws InterruptedException {
    JsonObject object;
    try {
      object = new JsonObject(line.text());
    } catch (RuntimeException e) {
      run.reject(line.number(), "not a JSON object: " + firstLine(e.getMessage()));
      return;
    }
    add(run, line.number(), object);
  }

  private void readCsv(Utf8LineReader lines, ImportRun run, ImportProgress listener)
      throws IOException, InterruptedException {
    CsvRecords records = new CsvRecords(lines);
    CsvRecords.Row header = records.next();
    if (header == null) {
      throw new IllegalArgumentException("the CSV file is empty: its first line must name the columns, "
          + "e.g. id,name,phones,emails");
    }
    if (header.error() != null) {
      throw new IllegalArgumentException("line " + header.line() + ": the header cannot be read: " + header.error());
    }
    CsvColumns columns = CsvColumns.of(header.fields());
    for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
      if (row.error() != null) {
        run.reject(row.line(), row.error());
      } else {
        try {
          add(run, row.line(), columns.toJson(row.fields()));
        } catch (IllegalArgumentException e) {
          run.reject(row.line(), e.getMessage());
        }
      }
      report(run, listener);
    }
  }

  private void add(ImportRun run, long line, JsonObject object) throws InterruptedException {
    Customer customer;
    try {
      customer = json.fromJson(object);
    } catch (IllegalArgumentException e) {
      run.reject(line, e.getMessage());
      return;
    }
    run.accept(line, customer);
  }

  private void report(ImportRun run, ImportProgress listener) {
    if (run.rowsRead() % progressEvery == 0) {
      listener.progress(run.rowsRead(), run.imported(), run.rejected());
    }
  }

  private static String firstLine(String message) {
    String text = Optional.ofNullable(message).orElse("unreadable").lines().findFirst().orElse("");
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }

  private static void refuseBlockingContext() {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("customer import blocks while it reads: run it with executeBlocking or "
          + "on a thread of its own, never on an event loop");
    }
    Context current = Vertx.currentContext();
    if (current != null && current.isWorkerContext()) {
      throw new IllegalStateException("customer import cannot run on a worker verticle's context: its batch "
          + "results would queue behind it; call it with executeBlocking from an event-loop context instead");
    }
  }
}
