package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeRules;

/**
 * One tensor of the flat parameter buffer, where the plan put it: its PyTorch name, shape in PyTorch's layout, offset,
 * fan-in and how PyTorch initialises it. Generated models hand this layout to the runtime, so the runtime never
 * recomputes it.
 */
public record ParameterTensor(String name, List<Integer> shape, long offset, int fanIn, Init init) {

  /** How PyTorch initialises a tensor: a layer's weights and biases from its fan-in, a BatchNorm's as constants. */
  public enum Init {
    /** Uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}: {@code Conv2d} and {@code Linear}. */
    FAN_IN_UNIFORM,
    /** All ones: a BatchNorm's weight. */
    ONES,
    /** All zeros: a BatchNorm's bias. */
    ZEROS
  }

  public ParameterTensor {
    shape = List.copyOf(shape);
  }

  /** A convolution's or dense layer's tensor, initialised from its fan-in. */
  public ParameterTensor(String name, List<Integer> shape, long offset, int fanIn) {
    this(name, shape, offset, fanIn, Init.FAN_IN_UNIFORM);
  }

  /** Every tensor of the planned stages, in buffer order: each stage's weight, then its bias. */
  public static List<ParameterTensor> layout(List<Stage> stages) {
    List<ParameterTensor> tensors = new ArrayList<>();
    for (Stage stage : stages) {
      if (!stage.hasParameters()) {
        continue;
      }
      if (stage.reduction() instanceof Op.BatchNorm bn) {
        // one value per channel: each output depends on one input, a fan-in of 1
        List<Integer> channels = List.of(Math.toIntExact(ShapeRules.normalisedChannels(stage.in())));
        tensors.add(new ParameterTensor(bn.name() + ".weight", channels, stage.weightOffset(), 1, Init.ONES));
        tensors.add(new ParameterTensor(bn.name() + ".bias", channels, stage.biasOffset(), 1, Init.ZEROS));
        continue;
      }
      List<Integer> weight;
      int fanIn;
      int out;
      if (stage.reduction() instanceof Op.Conv c) {
        // PyTorch's fan-in of a grouped convolution: the input channels one output channel sees, times the window
        int channels = ShapeRules.channelsPerGroup(c, stage.in());
        fanIn = channels * c.kernelHeight() * c.kernelWidth();
        out = c.out();
        weight = List.of(c.out(), channels, c.kernelHeight(), c.kernelWidth());
      } else if (stage.reduction() instanceof Op.Dense d) {
        fanIn = Math.toIntExact(stage.in().size());
        out = d.out();
        weight = List.of(d.out(), fanIn);
      } else {
        throw new IllegalStateException(stage.layer() + ": parameters for " + stage.reduction());
      }
      tensors.add(new ParameterTensor(stage.tensors() + ".weight", weight, stage.weightOffset(), fanIn));
      if (stage.biasOffset() >= 0) {
        tensors.add(new ParameterTensor(stage.tensors() + ".bias", List.of(out), stage.biasOffset(), fanIn));
      }
    }
    return tensors;
  }
}
