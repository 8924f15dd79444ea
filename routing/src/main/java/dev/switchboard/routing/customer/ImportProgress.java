package dev.switchboard.routing.customer;

/** Told how an import is going, every N rows and at the end; called on the importing thread. */
@FunctionalInterface
public interface ImportProgress {

  /** Ignores progress. */
  ImportProgress NONE = (rowsRead, imported, rejected) -> { };

  void progress(long rowsRead, long imported, long rejected);
}
