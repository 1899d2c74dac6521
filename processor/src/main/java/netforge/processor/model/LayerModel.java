package netforge.processor.model;

import java.util.List;

/**
 * One layer of a network: its name, its steps in annotation order, the annotations as the user wrote them (for
 * messages and the summary), the source line (0 when unknown), and the {@code Layer} field it fills. A layer field
 * is one layer; a field that uses a block is several, named {@code <use>.<block field>}, and fills its field with
 * the last of them, the block's output.
 *
 * @param field the field this layer fills, or {@code null} for a layer inside a block's use
 */
public record LayerModel(String name, List<Op> ops, String description, int line, String field) {
  public LayerModel {
    ops = List.copyOf(ops);
  }

  /** The layer of a layer field of the same name. */
  public LayerModel(String name, List<Op> ops, String description, int line) {
    this(name, ops, description, line, name);
  }
}
