package netforge.runtime.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many images of each true class a network gave each predicted class: {@code count(t, p)} images of class
 * {@code t} were predicted as {@code p}. The diagonal holds the correct answers; a row's sum is the class's images,
 * so the per-class accuracy ({@link #perClass()}) is the diagonal over the row (the class's recall).
 */
public final class ConfusionMatrix {
  /** The top-left cell of printed and CSV tables, naming both axes. */
  public static final String AXES = "true \\ predicted";

  private final List<String> classNames;
  private final long[][] counts;

  /** Takes {@code counts} as it is: the callers in this package hand over an array nobody else holds. */
  ConfusionMatrix(List<String> classNames, long[][] counts) {
    this.classNames = List.copyOf(classNames);
    this.counts = counts;
  }

  /**
   * The matrix of {@code counts[t][p]} (copied), e.g. to print or compare results computed elsewhere.
   *
   * @throws IllegalArgumentException if {@code counts} is not square with a row per class, or holds a negative count
   */
  public static ConfusionMatrix of(List<String> classNames, long[][] counts) {
    int classes = classNames.size();
    if (classes == 0 || counts.length != classes) {
      throw new IllegalArgumentException("a confusion matrix of " + classes + " classes needs " + classes
          + " rows, not " + counts.length);
    }
    long[][] copy = new long[classes][];
    for (int t = 0; t < classes; t++) {
      if (counts[t].length != classes) {
        throw new IllegalArgumentException("row " + t + " (" + classNames.get(t) + ") has " + counts[t].length
            + " counts, not one per class (" + classes + ")");
      }
      for (int p = 0; p < classes; p++) {
        if (counts[t][p] < 0) {
          throw new IllegalArgumentException("count(" + t + ", " + p + ") is negative: " + counts[t][p]);
        }
      }
      copy[t] = counts[t].clone();
    }
    return new ConfusionMatrix(classNames, copy);
  }

  public List<String> classNames() {
    return classNames;
  }

  public int classes() {
    return classNames.size();
  }

  /** Images of true class {@code trueClass} that were predicted as {@code predictedClass}. */
  public long count(int trueClass, int predictedClass) {
    return counts[trueClass][predictedClass];
  }

  /** Every count, {@code [true][predicted]}, as a copy. */
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int t = 0; t < counts.length; t++) {
      copy[t] = counts[t].clone();
    }
    return copy;
  }

  /** Images whose true class is {@code trueClass}: the row's sum. */
  public long imagesOf(int trueClass) {
    long sum = 0;
    for (long n : counts[trueClass]) {
      sum += n;
    }
    return sum;
  }

  public long correctOf(int trueClass) {
    return counts[trueClass][trueClass];
  }

  public long images() {
    long sum = 0;
    for (int t = 0; t < classes(); t++) {
      sum += imagesOf(t);
    }
    return sum;
  }

  public long correct() {
    long sum = 0;
    for (int t = 0; t < classes(); t++) {
      sum += correctOf(t);
    }
    return sum;
  }

  /** The fraction of all images predicted right; 0 when there are none. */
  public double accuracy() {
    return images() == 0 ? 0 : (double) correct() / images();
  }

  /** The fraction of {@code trueClass}'s images predicted right (its recall); NaN when the class has none. */
  public double accuracyOf(int trueClass) {
    long images = imagesOf(trueClass);
    return images == 0 ? Double.NaN : (double) correctOf(trueClass) / images;
  }

  /** Every class's images, correct predictions and accuracy, in label order. */
  public List<ClassAccuracy> perClass() {
    List<ClassAccuracy> classes = new ArrayList<>();
    for (int t = 0; t < classes(); t++) {
      classes.add(new ClassAccuracy(classNames.get(t), imagesOf(t), correctOf(t)));
    }
    return List.copyOf(classes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfusionMatrix that && classNames.equals(that.classNames)
        && Arrays.deepEquals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return 31 * classNames.hashCode() + Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "confusion matrix of " + classes() + " classes: " + correct() + " of " + images() + " images correct";
  }
}
