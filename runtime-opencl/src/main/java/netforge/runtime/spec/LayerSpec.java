package netforge.runtime.spec;

import java.util.List;
import netforge.annotations.Layer;

/** One layer field at run time: its steps, shapes (one image), parameters and forward FLOPs. */
public record LayerSpec(String name, String description, List<OpSpec> ops, int[] inShape, int[] outShape,
    long parameterCount, long flops) implements Layer {
  public LayerSpec {
    ops = List.copyOf(ops);
    inShape = inShape.clone();
    outShape = outShape.clone();
  }

  @Override
  public int[] outputShape() {
    return outShape.clone();
  }
}
