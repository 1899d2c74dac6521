package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeRules;

/**
 * Groups a checked network's steps into {@link Stage}s: each reduction (and a batch normalisation, whose training
 * statistics reduce over the batch) opens a stage; ReLU and dropout join the stage before them; a flatten only changes how the next stage reads its input. Parameters are laid out flat,
 * layer by layer, weight then bias; {@link ParameterTensor#layout} names them for the runtime, the only layout it has.
 */
public final class FusionPlanner {
  private FusionPlanner() {}

  public static List<Stage> plan(InferredNetwork network) {
    List<Stage> stages = new ArrayList<>();
    List<Pending> open = new ArrayList<>();
    long offset = 0;
    boolean parametersBefore = false;
    for (InferredLayer layer : network.layers()) {
      for (InferredOp step : layer.ops()) {
        Op op = step.op();
        if (op.isElementwise()) {
          if (open.isEmpty()) {
            throw new IllegalStateException(layer.name() + ": an elementwise step with no stage before it passed the checks");
          }
          open.get(open.size() - 1).epilogue.add(op);
        } else if (op instanceof Op.Flatten) {
          continue; // a view: the next stage reads the same buffer as a vector
        } else {
          long weights = ShapeRules.weightCount(op, step.in());
          long bias = ShapeRules.biasCount(op, step.in());
          long weightOffset = weights > 0 ? offset : -1;
          long biasOffset = bias > 0 ? offset + weights : -1;
          offset += weights + bias;
          Pending p = new Pending(open.size() + 1, layer.name(), op, step, weightOffset, biasOffset, parametersBefore);
          parametersBefore |= weights > 0;
          open.add(p);
        }
      }
    }
    BufferName input = BufferName.INPUT;
    for (Pending p : open) {
      BufferName output = BufferName.planned(String.format("act%02d", p.index));
      stages.add(new Stage(p.index, p.layer, p.reduction, p.epilogue, p.step.in(), p.out, input, output,
          p.weightOffset, p.biasOffset, p.needsInputGradient));
      input = output;
    }
    return stages;
  }

  private static final class Pending {
    final int index;
    final String layer;
    final Op reduction;
    final InferredOp step;
    final long weightOffset;
    final long biasOffset;
    final boolean needsInputGradient;
    final List<Op> epilogue = new ArrayList<>();
    final netforge.processor.model.Shape out;

    Pending(int index, String layer, Op reduction, InferredOp step, long weightOffset, long biasOffset,
        boolean needsInputGradient) {
      this.index = index;
      this.layer = layer;
      this.reduction = reduction;
      this.step = step;
      this.weightOffset = weightOffset;
      this.biasOffset = biasOffset;
      this.needsInputGradient = needsInputGradient;
      this.out = step.out();
    }
  }
}
