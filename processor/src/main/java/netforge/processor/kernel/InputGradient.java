package netforge.processor.kernel;

/**
 * Where a stage's backward pass puts the gradient of one of its inputs: a gradient buffer, overwritten by the first
 * reader of that input to run backward and added to by the others (an input several layers read gets the sum of
 * their gradients).
 */
public record InputGradient(BufferName buffer, boolean accumulate) {}
