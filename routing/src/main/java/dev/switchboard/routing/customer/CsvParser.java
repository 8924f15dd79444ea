package dev.switchboard.routing.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one CSV record (RFC 4180: comma separated, fields optionally in double quotes, a quote
 * inside a quoted field written twice, line breaks allowed inside quotes). Stateless.
 */
final class CsvParser {

  /** A record that breaks the quoting rules; the message names the column. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  private CsvParser() {}

  /**
   * The fields of {@code text}, or empty when a quoted field is still open at its end (the record
   * continues on the next line: append {@code "\n"} and that line, then parse again).
   */
  static Optional<List<String>> parse(String text) throws MalformedException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int length = text.length();
    while (true) {
      int column = fields.size() + 1;
      if (i < length && text.charAt(i) == '"') {
        i = quoted(text, i + 1, field);
        if (i < 0) {
          return Optional.empty();
        }
        if (i < length && text.charAt(i) != ',') {
          throw new MalformedException("column " + column
              + ": text after the closing quote: put the whole field in quotes and double any quote inside");
        }
      } else {
        int end = text.indexOf(',', i);
        end = end < 0 ? length : end;
        int quote = text.indexOf('"', i);
        if (quote >= 0 && quote < end) {
          throw new MalformedException("column " + column
              + ": a quote inside an unquoted field: put the whole field in quotes and double the quote");
        }
        field.append(text, i, end);
        i = end;
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= length) {
        return Optional.of(fields);
      }
      i++;
    }
  }

  /** Reads a quoted field's content from {@code i}; returns the index after the closing quote, or -1. */
  private static int quoted(String text, int i, StringBuilder field) {
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (c != '"') {
        field.append(c);
        i++;
      } else if (i + 1 < length && text.charAt(i + 1) == '"') {
        field.append('"');
        i += 2;
      } else {
        return i + 1;
      }
    }
    return -1;
  }
}
