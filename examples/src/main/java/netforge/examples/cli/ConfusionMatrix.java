package netforge.examples.cli;

import java.util.List;

/**
 * How many images of each true class a network gave each predicted class: {@code count(t, p)} images of class
 * {@code t} were predicted as {@code p}. The diagonal holds the correct answers.
 */
public final class ConfusionMatrix {
  /** The top-left cell of the printed and CSV tables, naming both axes. */
  public static final String AXES = "true \\ predicted";

  private final List<String> classNames;
  private final long[][] counts;

  ConfusionMatrix(List<String> classNames) {
    this.classNames = List.copyOf(classNames);
    this.counts = new long[classNames.size()][classNames.size()];
  }

  void add(int trueClass, int predictedClass) {
    counts[trueClass][predictedClass]++;
  }

  List<String> classNames() {
    return classNames;
  }

  int classes() {
    return classNames.size();
  }

  long count(int trueClass, int predictedClass) {
    return counts[trueClass][predictedClass];
  }

  /** Images whose true class is {@code trueClass}: the row's sum. */
  long imagesOf(int trueClass) {
    long sum = 0;
    for (long n : counts[trueClass]) {
      sum += n;
    }
    return sum;
  }

  long correctOf(int trueClass) {
    return counts[trueClass][trueClass];
  }

  long images() {
    long sum = 0;
    for (int t = 0; t < classes(); t++) {
      sum += imagesOf(t);
    }
    return sum;
  }

  long correct() {
    long sum = 0;
    for (int t = 0; t < classes(); t++) {
      sum += correctOf(t);
    }
    return sum;
  }

  /** The fraction of all images predicted right; 0 when there are none. */
  double accuracy() {
    return images() == 0 ? 0 : (double) correct() / images();
  }

  /** The fraction of {@code trueClass}'s images predicted right (its recall); NaN when the class has none. */
  double accuracyOf(int trueClass) {
    long images = imagesOf(trueClass);
    return images == 0 ? Double.NaN : (double) correctOf(trueClass) / images;
  }
}
