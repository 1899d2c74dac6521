package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeRules;

/**
 * One tensor of the flat parameter buffer, where the plan put it: its PyTorch name, shape in PyTorch's layout, offset
 * and fan-in. Generated models hand this layout to the runtime, so the runtime never recomputes it.
 */
public record ParameterTensor(String name, List<Integer> shape, long offset, int fanIn) {
  public ParameterTensor {
    shape = List.copyOf(shape);
  }

  /** Every tensor of the planned stages, in buffer order: each stage's weight, then its bias. */
  public static List<ParameterTensor> layout(List<Stage> stages) {
    List<ParameterTensor> tensors = new ArrayList<>();
    for (Stage stage : stages) {
      if (!stage.hasParameters()) {
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
      tensors.add(new ParameterTensor(stage.layer() + ".weight", weight, stage.weightOffset(), fanIn));
      if (stage.biasOffset() >= 0) {
        tensors.add(new ParameterTensor(stage.layer() + ".bias", List.of(out), stage.biasOffset(), fanIn));
      }
    }
    return tensors;
  }
}
