package netforge.processor.model;

import java.util.List;

/**
 * One {@code Layer} field of a network: its name, its steps in annotation order, the annotations as the user
 * wrote them (for messages and the summary) and the source line (0 when unknown).
 */
public record LayerModel(String name, List<Op> ops, String description, int line) {
  public LayerModel {
    ops = List.copyOf(ops);
  }
}
