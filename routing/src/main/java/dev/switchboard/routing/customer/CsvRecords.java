package dev.switchboard.routing.customer;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * CSV records from a line reader: joins the lines of a record whose quoted field holds line breaks,
 * skips blank lines, and turns unreadable records into errors carrying their first line number.
 */
final class CsvRecords {

  /** A record's fields, or why it could not be read; {@code line} is where it starts. */
  record Row(long line, List<String> fields, String error) {}

  private final Utf8LineReader lines;

  CsvRecords(Utf8LineReader lines) {
    this.lines = lines;
  }

  /** The next record, or null at the end. */
  Row next() throws IOException {
    Utf8LineReader.Line first = lines.next();
    while (first != null && first.ok() && first.text().isBlank()) {
      first = lines.next();
    }
    if (first == null) {
      return null;
    }
    if (!first.ok()) {
      return new Row(first.number(), null, first.error());
    }
    StringBuilder text = new StringBuilder(first.text());
    for (int count = 1; ; count++) {
      Optional<List<String>> fields;
      try {
        fields = CsvParser.parse(text.toString());
      } catch (CsvParser.MalformedException e) {
        return new Row(first.number(), null, e.getMessage());
      }
      if (fields.isPresent()) {
        return new Row(first.number(), fields.get(), null);
      }
      Utf8LineReader.Line more = count < CustomerImport.MAX_RECORD_LINES ? lines.next() : null;
      if (more == null) {
        return new Row(first.number(), null, "a quoted field is never closed (looked through " + count
            + " lines): close it with \" and double any quote inside");
      }
      if (!more.ok()) {
        return new Row(first.number(), null, "line " + more.number() + " of this record: " + more.error());
      }
      text.append('\n').append(more.text());
    }
  }
}
