package dev.switchboard.routing.customer;

import java.util.Locale;

/** The file formats {@link CustomerImport} reads. */
public enum ImportFormat {
  /** Comma-separated values (RFC 4180) with a header row; multi-values separated by {@code |}. */
  CSV,
  /** One {@link CustomerJson} object per line. */
  JSON_LINES;

  /** Chooses by extension: {@code .csv}, or {@code .jsonl} / {@code .ndjson} / {@code .json}. */
  public static ImportFormat forFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return CSV;
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
      return JSON_LINES;
    }
    throw new IllegalArgumentException("cannot tell the format of '" + fileName
        + "' from its extension: name it .csv or .jsonl, or choose the format explicitly");
  }
}
