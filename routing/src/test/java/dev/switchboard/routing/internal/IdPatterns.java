package dev.switchboard.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks that a hand-written id check accepts exactly what a regular expression accepts. */
public final class IdPatterns {

  private static final String ALPHABET = "azAZ09mM._@-_ /\u00e9\u0000:+";

  private IdPatterns() {}

  /**
   * Asserts that {@code check} and {@code regex} agree on 20,000 random strings of 0-70 characters over letters,
   * digits, the punctuation ids allow and characters no id allows.
   */
  public static void agrees(String regex, Predicate<String> check) {
    Pattern pattern = Pattern.compile(regex);
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(4) == 0 ? random.nextInt(71) : random.nextInt(6);
      for (int j = 0; j < length; j++) {
        value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String id = value.toString();
      assertThat(check.test(id)).as("'%s'", id).isEqualTo(pattern.matcher(id).matches());
    }
  }
}
