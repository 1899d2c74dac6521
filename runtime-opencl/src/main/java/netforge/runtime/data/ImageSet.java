package netforge.runtime.data;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled images held in memory as unsigned bytes, the way the data sets store them.
 *
 * <p>{@code pixels} holds the images one after the other, each in CHW order (all of channel 0 row by row, then
 * channel 1, ...), so image {@code i} starts at {@code i * channels * height * width}; a byte is a value 0..255
 * (read it with {@code & 0xFF}). {@code labels[i]} is image i's class, an index into {@code classNames}. The arrays
 * are shared, not copied (a training set is tens of megabytes): treat them as read-only.
 *
 * @param name the data set and split, e.g. {@code "Fashion-MNIST train"}
 * @param source where the images came from, e.g. the directory and files read
 */
public record ImageSet(String name, int channels, int height, int width, byte[] pixels, int[] labels,
    List<String> classNames, String source) {
  public ImageSet {
    ImageShape shape = new ImageShape(channels, height, width);
    classNames = List.copyOf(classNames);
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException(name + ": an image set needs at least one class name");
    }
    if ((long) labels.length * shape.size() != pixels.length) {
      throw new IllegalArgumentException(name + ": " + labels.length + " labels need " + (long) labels.length
          * shape.size() + " pixel bytes (" + shape + " each), not " + pixels.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i + " is outside 0.."
            + (classNames.size() - 1));
      }
    }
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  public ImageShape shape() {
    return new ImageShape(channels, height, width);
  }

  /** Bytes in one image: channels x height x width. */
  public int imageBytes() {
    return channels * height * width;
  }

  /** The first {@code count} images (copied), e.g. to train on a part of a set as the tutorial does. */
  public ImageSet first(int count) {
    if (count < 0 || count > size()) {
      throw new IllegalArgumentException(name + ": cannot take the first " + count + " of " + size() + " images");
    }
    if (count == size()) {
      return this;
    }
    return new ImageSet(name, channels, height, width, Arrays.copyOf(pixels, count * imageBytes()),
        Arrays.copyOf(labels, count), classNames, "the first " + count + " images of " + source);
  }

  /** How many images each class has, indexed by label. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageSet that && name.equals(that.name) && channels == that.channels
        && height == that.height && width == that.width && Arrays.equals(pixels, that.pixels)
        && Arrays.equals(labels, that.labels) && classNames.equals(that.classNames) && source.equals(that.source);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return name + ": " + size() + " images of " + shape() + ", " + classNames.size() + " classes, from " + source;
  }
}
