package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netforge.processor.model.InferredLayer;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.LayerGraph;
import netforge.processor.model.Op;
import netforge.processor.model.Shape;
import netforge.processor.model.ShapeRules;

/**
 * Groups a checked network's steps into {@link Stage}s, walking its fields in source order (a topological order of
 * the {@link LayerGraph}): each reduction or join (and a batch normalisation, whose training statistics reduce over
 * the batch) opens a stage; activations and dropout join the stage before them; a flatten only changes how the next
 * stage reads its input. An elementwise step at the start of a field joins the stage of the field above only when
 * nothing else reads that stage's output (always, in a chain); otherwise it gets a stage of its own, so that the
 * other readers see the output unchanged. Parameters are laid out flat, layer by layer, weight then bias;
 * {@link ParameterTensor#layout} names them for the runtime, the only layout it has.
 */
public final class FusionPlanner {
  private FusionPlanner() {}

  /** The stages of {@code network}, in forward order. */
  public static List<Stage> plan(InferredNetwork network) {
    return fuse(network).stages();
  }

  /** The stages and the buffer holding the network's output (the input itself for a network of views). */
  record Fused(List<Stage> stages, BufferName logits) {}

  static Fused fuse(InferredNetwork network) {
    LayerGraph graph = network.graph();
    List<Pending> open = new ArrayList<>();
    // Per layer: the stage whose output holds the layer's output (null: the network's input), and whether only this
    // layer's chain of single readers reads that output, so an elementwise step below may change it in place.
    List<Pending> producer = new ArrayList<>();
    List<Boolean> exclusive = new ArrayList<>();
    long offset = 0;
    for (InferredLayer layer : network.layers()) {
      int l = layer.index();
      List<Pending> sources = new ArrayList<>();
      for (int source : graph.sources(l)) {
        sources.add(source == LayerGraph.NETWORK_INPUT ? null : producer.get(source));
      }
      Pending current = sources.isEmpty() ? null : sources.get(0);
      boolean ownStage = false;
      boolean mayFuseAbove = graph.continuesAbove(l) && exclusive.get(l - 1) && current != null;
      for (InferredOp step : layer.ops()) {
        Op op = step.op();
        if (op instanceof Op.From || op instanceof Op.Flatten) {
          continue; // the source was resolved above; a flatten is a view: the next stage reads the same buffer
        } else if (op.isElementwise() && (ownStage || mayFuseAbove)) {
          current.epilogue.add(op);
        } else if (op.isElementwise()) {
          // another layer reads this input too: apply the step in a one-input add of its own
          Op.Add copy = new Op.Add(List.of(layer.name()));
          current = open(open, layer, copy, Collections.singletonList(current), List.of(step.in()),
              step.out(), -1, -1);
          current.epilogue.add(op);
          ownStage = true;
        } else {
          long weights = ShapeRules.weightCount(op, step.in());
          long bias = ShapeRules.biasCount(op, step.in());
          long weightOffset = weights > 0 ? offset : -1;
          long biasOffset = bias > 0 ? offset + weights : -1;
          offset += weights + bias;
          if (op instanceof Op.Join) {
            List<Shape> shapes = graph.sources(l).stream().map(network::outputOf).toList();
            current = open(open, layer, op, sources, shapes, step.out(), -1, -1);
          } else {
            current = open(open, layer, op, Collections.singletonList(current), List.of(step.in()),
                step.out(), weightOffset, biasOffset);
          }
          ownStage = true;
        }
      }
      producer.add(current);
      exclusive.add(ownStage || (graph.continuesAbove(l) && exclusive.get(l - 1)));
    }
    Pending last = producer.isEmpty() ? null : producer.get(producer.size() - 1);
    return new Fused(stages(open, last), last == null ? BufferName.INPUT : last.output());
  }

  private static Pending open(List<Pending> open, InferredLayer layer, Op op, List<Pending> inputs, List<Shape> shapes,
      Shape out, long weightOffset, long biasOffset) {
    Pending p = new Pending(open.size() + 1, layer.name(), layer.layer().tensors(), op, inputs, shapes, out,
        weightOffset, biasOffset);
    open.add(p);
    return p;
  }

  /** Names the buffers, and works out which inputs need gradients and which stages reach the loss. */
  private static List<Stage> stages(List<Pending> open, Pending logits) {
    boolean[] reachesLoss = new boolean[open.size() + 1];
    for (int i = open.size() - 1; i >= 0; i--) {
      Pending p = open.get(i);
      reachesLoss[p.index] |= p == logits;
      if (reachesLoss[p.index]) {
        p.inputs.stream().filter(s -> s != null).forEach(s -> reachesLoss[s.index] = true);
      }
    }
    Map<Pending, Boolean> requiresGradient = new HashMap<>();
    List<Stage> stages = new ArrayList<>();
    for (Pending p : open) {
      List<StageInput> inputs = new ArrayList<>();
      boolean anyInputRequires = false;
      for (int i = 0; i < p.inputs.size(); i++) {
        Pending source = p.inputs.get(i);
        boolean requires = source != null && requiresGradient.get(source);
        anyInputRequires |= requires;
        Shape shape = p.inShapes.get(i);
        inputs.add(new StageInput(source == null ? BufferName.INPUT : source.output(), shape,
            requires && reachesLoss[p.index]));
      }
      requiresGradient.put(p, p.weightOffset >= 0 || anyInputRequires);
      stages.add(new Stage(p.index, p.layer, p.reduction, p.epilogue, inputs, p.out, p.output(), p.weightOffset,
          p.biasOffset, reachesLoss[p.index], p.tensors));
    }
    return stages;
  }

  private static final class Pending {
    final int index;
    final String layer;
    final String tensors;
    final Op reduction;
    final List<Pending> inputs;
    final List<Shape> inShapes;
    final Shape out;
    final long weightOffset;
    final long biasOffset;
    final List<Op> epilogue = new ArrayList<>();

    Pending(int index, String layer, String tensors, Op reduction, List<Pending> inputs, List<Shape> inShapes,
        Shape out, long weightOffset, long biasOffset) {
      this.index = index;
      this.layer = layer;
      this.tensors = tensors;
      this.reduction = reduction;
      this.inputs = new ArrayList<>(inputs);
      this.inShapes = inShapes;
      this.out = out;
      this.weightOffset = weightOffset;
      this.biasOffset = biasOffset;
    }

    BufferName output() {
      return BufferName.planned(String.format("act%02d", index));
    }
  }
}
