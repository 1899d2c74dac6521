package netforge.runtime.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A whole network at run time, as the processor inferred it: input shape, classes, layers, and the layout of the
 * flat parameter buffer (tensors in layer order, weight before bias, contiguous, as PyTorch's
 * {@code named_parameters()} lists them).
 */
public record NetworkSpec(String name, int[] inputShape, int classes, List<LayerSpec> layers) {
  public NetworkSpec {
    inputShape = inputShape.clone();
    layers = List.copyOf(layers);
  }

  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }

  /** Elements of one input image. */
  public int inputSize() {
    return Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
  }

  public long parameterCount() {
    return layers.stream().mapToLong(LayerSpec::parameterCount).sum();
  }

  public long flops() {
    return layers.stream().mapToLong(LayerSpec::flops).sum();
  }

  /** Every parameter tensor with its offset in the flat buffer. */
  public List<ParamSpec> parameters() {
    List<ParamSpec> params = new ArrayList<>();
    long offset = 0;
    for (LayerSpec layer : layers) {
      int[] in = layer.inShape();
      for (OpSpec op : layer.ops()) {
        if (op instanceof OpSpec.Conv c) {
          int fanIn = in[0] * c.kh() * c.kw();
          params.add(new ParamSpec(layer.name() + ".weight", new int[] {c.out(), in[0], c.kh(), c.kw()}, offset,
              fanIn));
          offset += (long) c.out() * fanIn;
          if (c.bias()) {
            params.add(new ParamSpec(layer.name() + ".bias", new int[] {c.out()}, offset, fanIn));
            offset += c.out();
          }
        } else if (op instanceof OpSpec.Dense d) {
          int fanIn = Arrays.stream(in).reduce(1, (a, b) -> a * b);
          params.add(new ParamSpec(layer.name() + ".weight", new int[] {d.out(), fanIn}, offset, fanIn));
          offset += (long) d.out() * fanIn;
          if (d.bias()) {
            params.add(new ParamSpec(layer.name() + ".bias", new int[] {d.out()}, offset, fanIn));
            offset += d.out();
          }
        }
        in = shapeAfter(op, in);
      }
    }
    return params;
  }

  /** The shape after one step, for walking a layer's steps (its output shape is known already). */
  static int[] shapeAfter(OpSpec op, int[] in) {
    if (op instanceof OpSpec.Conv c) {
      return new int[] {c.out(), (in[1] + 2 * c.pad() - c.kh()) / c.stride() + 1,
          (in[2] + 2 * c.pad() - c.kw()) / c.stride() + 1};
    } else if (op instanceof OpSpec.Pool p) {
      return new int[] {in[0], (in[1] + 2 * p.pad() - p.k()) / p.stride() + 1,
          (in[2] + 2 * p.pad() - p.k()) / p.stride() + 1};
    } else if (op instanceof OpSpec.AdaptiveAvgPool a) {
      return new int[] {in[0], a.h(), a.w()};
    } else if (op instanceof OpSpec.Dense d) {
      return new int[] {d.out()};
    } else if (op instanceof OpSpec.Flatten) {
      return new int[] {Arrays.stream(in).reduce(1, (a, b) -> a * b)};
    }
    return in;
  }
}
