package netforge.runtime.data;

/**
 * One batch of network inputs.
 *
 * @param epoch the epoch it belongs to
 * @param index its position in the epoch, from 0
 * @param inputs {@code count} images one after the other, each in CHW order (so NCHW), as the pipeline made them
 * @param labels the class of each image
 * @param imageIndices which image of the set each one is
 * @param count the number of images, the batch size except in the last batch of an epoch, which may be smaller
 */
public record Batch(int epoch, int index, float[] inputs, int[] labels, int[] imageIndices, int count) {}
