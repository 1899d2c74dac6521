package netforge.processor.model;

import java.util.List;

/** A layer field after shape inference: its input, its output, its parameters and forward FLOPs per image. */
public record InferredLayer(int index, LayerModel layer, Shape in, Shape out, long parameters, long flops,
    List<InferredOp> ops) {
  public InferredLayer {
    ops = List.copyOf(ops);
  }

  public String name() {
    return layer.name();
  }
}
