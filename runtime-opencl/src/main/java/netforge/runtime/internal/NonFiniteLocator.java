package netforge.runtime.internal;

import java.util.List;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;

/**
 * Where NaN or infinity is after a step whose loss was not finite: the first stage whose output holds one, and
 * every parameter or gradient tensor that does. Reads the device buffers, so it is for error messages only.
 */
final class NonFiniteLocator {
  private final NetworkSpec spec;
  private final LaunchSequence sequence;
  private final ActivationArena arena;

  NonFiniteLocator(NetworkSpec spec, LaunchSequence sequence, ActivationArena arena) {
    this.spec = spec;
    this.sequence = sequence;
    this.arena = arena;
  }

  /** One line per finding, each starting with a newline; a sentence saying all is finite when nothing is found. */
  String locate(int batch, float[] parameters, float[] gradients) {
    StringBuilder found = new StringBuilder();
    for (ParamSpec p : spec.parameters()) {
      int from = (int) p.offset();
      int to = (int) (p.offset() + p.size());
      if (!allFinite(parameters, from, to)) {
        found.append("\n  parameter ").append(p.name()).append(" holds NaN or infinity");
      } else if (!allFinite(gradients, from, to)) {
        found.append("\n  the gradient of ").append(p.name()).append(" holds NaN or infinity");
      }
    }
    List<String> layers = sequence.stageLayers();
    for (int i = 0; i < layers.size(); i++) {
      String name = sequence.stageOutputs().get(i);
      ClBuffer buffer = arena.buffer(name);
      float[] values = new float[(int) Math.min(arena.elements(name, batch), buffer.elements())];
      buffer.read(0, values, 0, values.length);
      if (!allFinite(values, 0, values.length)) {
        found.insert(0, "\n  the output of " + layers.get(i) + " (stage " + (i + 1)
            + ") is the first activation with NaN or infinity");
        break;
      }
    }
    return found.length() == 0 ? "\n  every activation, parameter and gradient is finite: the loss itself overflowed"
        : found.toString();
  }

  private static boolean allFinite(float[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Float.isFinite(values[i])) {
        return false;
      }
    }
    return true;
  }
}
