package dev.switchboard.channels.phone.sim;

import java.util.ArrayList;
import java.util.List;

/** Splits an AGI command line into words, honouring double quotes and backslash escapes. */
final class AgiCommandWords {

  private AgiCommandWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (int index = 0; index < line.length(); index++) {
      char character = line.charAt(index);
      if (character == '\\' && index + 1 < line.length()) {
        word.append(line.charAt(++index));
        inWord = true;
      } else if (character == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(character) && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(character);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
