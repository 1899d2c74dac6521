package netforge.processor.kernel;

import netforge.processor.model.Shape;

/**
 * One input of a {@link Stage}: the buffer it reads, the shape it reads it as (a dense layer reads a spatial output
 * flattened), and whether the backward pass must compute its gradient (some stage before it has parameters, and this
 * stage's output reaches the loss).
 */
public record StageInput(BufferName buffer, Shape shape, boolean needsGradient) {}
