package netforge.runtime.io;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean ...?" for tensor names: the candidate a name most likely meant, if any is close. Close means a
 * few edits away (a typo, {@code fc7} for {@code fc6}), or the same name under a prefix that wrappers add
 * ({@code module.conv1.weight} from {@code nn.DataParallel}, {@code model.conv1.weight}).
 */
final class NameSuggestion {
  /** Longer names are not compared: edit distance is quadratic, and a file may hold absurd names. */
  private static final int MAX_COMPARED_LENGTH = 256;
  private static final int MAX_EDITS = 3;

  private NameSuggestion() {}

  static Optional<String> closest(String name, Collection<String> candidates) {
    for (String candidate : candidates) {
      if (name.endsWith("." + candidate) || candidate.endsWith("." + name)) {
        return Optional.of(candidate);
      }
    }
    if (name.length() > MAX_COMPARED_LENGTH) {
      return Optional.empty();
    }
    // One edit in six characters, at most three: a typo, not another layer ("conv1.weight" is not "c1.weight").
    int allowed = Math.max(1, Math.min(MAX_EDITS, name.length() / 6));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.length() > MAX_COMPARED_LENGTH || Math.abs(candidate.length() - name.length()) > allowed) {
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

  /** " (did you mean x?)", or nothing. */
  static String hint(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> " (did you mean " + c + "?)").orElse("");
  }

  /**
   * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbours as one edit (the
   * optimal-string-alignment form of Damerau-Levenshtein): typing "weigth" for "weight" is one slip, not two.
   */
  static int editDistance(String a, String b) {
    int[] beforePrevious = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        int best = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, beforePrevious[j - 2] + 1);
        }
        current[j] = best;
      }
      int[] recycled = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = recycled;
    }
    return previous[b.length()];
  }
}
