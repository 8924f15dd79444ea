package dev.switchboard.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds what a misspelt name probably meant, for "did you mean" hints. */
final class ClosestMatch {

  private ClosestMatch() {}

  /**
   * The candidate nearest to {@code wrong} by edit distance (a swap of neighbours counts once),
   * if it is near enough to be a typo in the last segment; otherwise the only longer candidate
   * ending in the same segment, as when the section was left out ({@code port} for {@code server.port});
   * of several such, the least nested one when no other is as shallow.
   */
  static Optional<String> among(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best != null && bestDistance <= Math.max(1, Math.min(3, lastSegment(wrong).length() / 3))) {
      return Optional.of(best);
    }
    return sameLastSegment(wrong, candidates);
  }

  private static Optional<String> sameLastSegment(String wrong, Collection<String> candidates) {
    String last = lastSegment(wrong);
    var matches = candidates.stream()
        .filter(candidate -> segments(candidate) > segments(wrong) && lastSegment(candidate).equalsIgnoreCase(last))
        .toList();
    long shallowest = matches.stream().mapToLong(ClosestMatch::segments).min().orElse(0);
    List<String> nearest = matches.stream().filter(candidate -> segments(candidate) == shallowest).toList();
    return nearest.size() == 1 ? Optional.of(nearest.get(0)) : Optional.empty();
  }

  private static long segments(String name) {
    return name.chars().filter(character -> character == '.' || character == '_').count();
  }

  private static String lastSegment(String name) {
    return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('_')) + 1);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String from, String to) {
    int[][] cost = new int[from.length() + 1][to.length() + 1];
    for (int i = 0; i <= from.length(); i++) {
      cost[i][0] = i;
    }
    for (int j = 0; j <= to.length(); j++) {
      cost[0][j] = j;
    }
    for (int i = 1; i <= from.length(); i++) {
      for (int j = 1; j <= to.length(); j++) {
        int substitution = from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(cost[i - 1][j] + 1, cost[i][j - 1] + 1), cost[i - 1][j - 1] + substitution);
        if (i > 1 && j > 1 && from.charAt(i - 1) == to.charAt(j - 2) && from.charAt(i - 2) == to.charAt(j - 1)) {
          best = Math.min(best, cost[i - 2][j - 2] + 1);
        }
        cost[i][j] = best;
      }
    }
    return cost[from.length()][to.length()];
  }
}
