package netforge.processor.model;

import java.util.List;

/**
 * One layer of a network: its name, its steps in annotation order, the annotations as the user wrote them (for
 * messages and the summary), the source line (0 when unknown), and the {@code Layer} field it fills. A layer field
 * is one layer; a field that uses a block is several, named {@code <use>.<block field>}, and fills its field with
 * the last of them, the block's output.
 *
 * @param field the field this layer fills, or {@code null} for a layer inside a block's use
 * @param tensors the name its convolution's or dense layer's tensors take ({@code conv1.weight}): the layer's name
 *     unless the annotation's {@code name} gives another
 */
public record LayerModel(String name, List<Op> ops, String description, int line, String field, String tensors) {
  public LayerModel {
    ops = List.copyOf(ops);
  }

  /** A layer whose tensors are named after it. */
  public LayerModel(String name, List<Op> ops, String description, int line, String field) {
    this(name, ops, description, line, field, name);
  }

  /** The layer of a layer field of the same name. */
  public LayerModel(String name, List<Op> ops, String description, int line) {
    this(name, ops, description, line, name);
  }
}
