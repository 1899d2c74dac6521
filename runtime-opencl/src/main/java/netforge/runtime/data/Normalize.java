package netforge.runtime.data;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * torchvision's {@code Normalize(mean, std)}: channel {@code c} becomes {@code (x - mean[c]) / std[c]}, in float. A
 * single mean and std apply to every channel (torch broadcasts a one-element mean the same way).
 */
public final class Normalize implements Transform {
  private final float[] mean;
  private final float[] std;

  public Normalize(List<Double> mean, List<Double> std) {
    if (mean.isEmpty() || mean.size() != std.size()) {
      throw new IllegalArgumentException("Normalize needs as many means as standard deviations, at least one: "
          + mean + " and " + std);
    }
    this.mean = new float[mean.size()];
    this.std = new float[std.size()];
    for (int c = 0; c < mean.size(); c++) {
      this.mean[c] = mean.get(c).floatValue(); // torch holds them in a float32 tensor
      this.std[c] = std.get(c).floatValue();
      if (!(this.std[c] > 0)) {
        throw new IllegalArgumentException("Normalize: standard deviation " + std.get(c) + " of channel " + c
            + " is not positive");
      }
    }
  }

  @Override
  public ImageShape outputShape(ImageShape input) {
    if (mean.length != 1 && mean.length != input.channels()) {
      throw new IllegalArgumentException("Normalize has " + mean.length + " means, but the image has "
          + input.channels() + " channels");
    }
    return input;
  }

  @Override
  public FloatImage apply(FloatImage image, RandomGenerator random) {
    ImageShape shape = outputShape(image.shape());
    int plane = shape.height() * shape.width();
    float[] in = image.values();
    float[] out = new float[in.length];
    for (int c = 0; c < shape.channels(); c++) {
      float m = mean[mean.length == 1 ? 0 : c];
      float s = std[std.length == 1 ? 0 : c];
      for (int i = c * plane; i < (c + 1) * plane; i++) {
        out[i] = (in[i] - m) / s;
      }
    }
    return new FloatImage(shape, out);
  }

  @Override
  public String toString() {
    return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
  }
}
