package netforge.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The most probable classes of one image, most probable first. */
public final class TopClasses {
  /** A class and the probability the network gives it, 0..1. */
  public record ClassProbability(int index, String name, double probability) {}

  private TopClasses() {}

  /**
   * The {@code k} largest of {@code probabilities} (all of them if there are fewer), largest first; equal ones in
   * class order.
   */
  public static List<ClassProbability> of(double[] probabilities, List<String> names, int k) {
    return IntStream.range(0, probabilities.length).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> probabilities[c]).reversed()
            .thenComparingInt(c -> c))
        .limit(k)
        .map(c -> new ClassProbability(c, names.get(c), probabilities[c]))
        .toList();
  }
}
