package netforge.runtime.onnx;

import java.util.Arrays;
import java.util.List;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.OpSpec;

/**
 * Networks of one parameter-free step and a flatten, written by hand (these tests have no processor): their
 * logits are the step's output, so one operator's export can be checked against its definition alone.
 */
final class OneStepNetworks {
  private OneStepNetworks() {}

  static NetworkSpec of(OpSpec step, int[] in, int[] out) {
    int classes = Arrays.stream(out).reduce(1, (a, b) -> a * b);
    LayerSpec only = new LayerSpec("step", step.toString(), List.of(step), in, out, 0, 0);
    LayerSpec flat = new LayerSpec("flat", "@Flatten", List.of(new OpSpec.Flatten()), out, new int[] {classes}, 0, 0);
    return new NetworkSpec("OneStep", in, classes, List.of(only, flat), List.of());
  }
}
