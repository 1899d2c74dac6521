package netforge.processor.model;

/** One step with the shapes inference gave it; {@code layer} and {@code index} locate it in the source. */
public record InferredOp(int layer, int index, Op op, Shape in, Shape out) {}
