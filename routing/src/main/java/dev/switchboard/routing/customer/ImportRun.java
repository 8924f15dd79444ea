package dev.switchboard.routing.customer;

import dev.switchboard.routing.store.StoreUnavailableException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters and the batches of one import. Rows are added on the reading thread; batch results
 * arrive on a Vert.x context, so what they touch is atomic or synchronized.
 */
final class ImportRun {

  private final CustomerDirectory directory;
  private final int batchSize;
  private final int batchesInFlight;
  private final Duration batchTimeout;
  private final Semaphore inFlight;
  private final long started = System.nanoTime();
  private final AtomicLong imported = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final List<ImportError> errors = new ArrayList<>();
  private List<Customer> customers;
  private List<Long> lines;
  private long rowsRead;
  private long rejected;
  private volatile StoreUnavailableException fatal;

  ImportRun(CustomerDirectory directory, int batchSize, int batchesInFlight, Duration batchTimeout) {
    this.directory = directory;
    this.batchSize = batchSize;
    this.batchesInFlight = batchesInFlight;
    this.batchTimeout = batchTimeout;
    this.inFlight = new Semaphore(batchesInFlight);
    this.customers = new ArrayList<>(batchSize);
    this.lines = new ArrayList<>(batchSize);
  }

  long rowsRead() {
    return rowsRead;
  }

  long imported() {
    return imported.get();
  }

  long rejected() {
    return rejected + failed.get();
  }

  void reject(long line, String reason) {
    rowsRead++;
    rejected++;
    error(line, reason);
  }

  void accept(long line, Customer customer) throws InterruptedException {
    rowsRead++;
    customers.add(customer);
    lines.add(line);
    if (customers.size() >= batchSize) {
      flush();
    }
  }

  /** Sends the pending rows as one batch, first waiting until fewer than the maximum are in flight. */
  void flush() throws InterruptedException {
    throwIfStoreDown();
    if (customers.isEmpty()) {
      return;
    }
    acquire(1);
    List<Customer> batch = customers;
    List<Long> batchLines = lines;
    customers = new ArrayList<>(batchSize);
    lines = new ArrayList<>(batchSize);
    Future<Integer> saved;
    try {
      saved = directory.saveAll(batch);
    } catch (RuntimeException e) {
      saved = Future.failedFuture(e);
    }
    saved.onComplete(result -> {
      if (result.succeeded()) {
        imported.addAndGet(batch.size());
      } else {
        batchFailed(batchLines, result.cause());
      }
      inFlight.release();
    });
  }

  /** Sends the last batch, waits for every batch, and sums up. */
  ImportSummary finish() throws InterruptedException {
    flush();
    acquire(batchesInFlight);
    inFlight.release(batchesInFlight);
    throwIfStoreDown();
    List<ImportError> kept;
    synchronized (errors) {
      kept = new ArrayList<>(errors);
    }
    kept.sort(Comparator.comparingLong(ImportError::line));
    return new ImportSummary(rowsRead, imported.get(), rejected(), kept,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void batchFailed(List<Long> batchLines, Throwable cause) {
    failed.addAndGet(batchLines.size());
    if (cause instanceof StoreUnavailableException unavailable) {
      fatal = unavailable;
      return;
    }
    String reason = "not stored: " + cause.getMessage();
    batchLines.forEach(line -> error(line, reason));
  }

  private void error(long line, String reason) {
    synchronized (errors) {
      if (errors.size() < ImportSummary.MAX_ERRORS) {
        errors.add(new ImportError(line, reason));
      }
    }
  }

  private void acquire(int permits) throws InterruptedException {
    if (!inFlight.tryAcquire(permits, batchTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new StoreUnavailableException("customer import stopped after " + rowsRead + " rows: Redis did not "
          + "confirm a batch within " + batchTimeout.toSeconds() + " s; check that Redis is up and not overloaded",
          null);
    }
  }

  private void throwIfStoreDown() {
    StoreUnavailableException down = fatal;
    if (down != null) {
      throw new StoreUnavailableException("customer import stopped after " + rowsRead + " rows ("
          + imported.get() + " stored): " + down.getMessage(), down);
    }
  }
}
