package dev.switchboard.routing.customer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an import did.
 *
 * @param rowsRead data rows read (header and blank lines excluded)
 * @param imported rows stored
 * @param rejected rows not stored, each with a reason; only the first {@link #MAX_ERRORS} are kept
 * @param firstErrors the kept reasons, in line order
 */
public record ImportSummary(long rowsRead, long imported, long rejected, List<ImportError> firstErrors,
    Duration elapsed) {

  /** How many errors a summary keeps. */
  public static final int MAX_ERRORS = 1000;

  public ImportSummary {
    firstErrors = List.copyOf(firstErrors);
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
