package netforge.processor.check;

import java.util.List;
import java.util.Optional;

/**
 * "Did you mean ...?" for a layer name written in {@code @From}, {@code @Add} or {@code @Concat}: the layer a
 * misspelt name most likely meant, if one is a few edits away ({@code conv_2} for {@code conv2}, {@code b1dwon}
 * for {@code b1down}).
 */
final class LayerNames {
  private static final int MAX_EDITS = 3;

  private LayerNames() {}

  /** The candidate closest to {@code name}, allowing one edit in four characters and at most three. */
  static Optional<String> closest(String name, List<String> candidates) {
    int allowed = Math.max(1, Math.min(MAX_EDITS, name.length() / 4));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.equalsIgnoreCase(name)) {
        return Optional.of(candidate);
      }
      if (Math.abs(candidate.length() - name.length()) > allowed) {
        continue;
      }
      int distance = editDistance(name, candidate);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Insertions, deletions, substitutions and swaps of two neighbours, one edit each (optimal string alignment):
   * {@code stme} for {@code stem} is one slip.
   */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int substitution = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        d[i][j] = Math.min(substitution, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
