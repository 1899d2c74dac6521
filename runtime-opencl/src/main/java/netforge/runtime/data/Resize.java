package netforge.runtime.data;

import java.util.random.RandomGenerator;

/**
 * Bilinear resizing to a fixed height and width, as {@code torch.nn.functional.interpolate(x, size=(h, w),
 * mode="bilinear", align_corners=False)} computes it on the CPU (torch 1.13, no antialiasing), which is what the
 * tutorial's Fashion-MNIST preprocessing uses for 28 -> 32.
 *
 * <p>Output row {@code y} samples input row {@code s = max(0, in/out * (y + 0.5) - 0.5)}: rows {@code floor(s)} and
 * the next one (clamped at the edge), weighted {@code 1 - frac(s)} and {@code frac(s)}; columns likewise. Each row
 * pair is blended along the width first, then the two results along the height.
 *
 * <p>The rounding follows torch's generic kernel step by step (measured against Debian's torch 1.13.1): the scale
 * {@code in/out} is a float, {@code s} and its fraction are computed in double and the weights stored as floats, and
 * each blend {@code a * wa + b * wb} rounds {@code b * wb} to float and then adds {@code a * wa} with one rounding
 * (the fused multiply-add GCC makes of torch's C++). With that, multi-channel images come out bit-identical to
 * torch's. For one-channel images torch takes another kernel (a 1-channel NCHW tensor is also channels-last) whose
 * rounding differs by an ulp or two (seen: at most 6e-8 for 28 -> 32 and 1.2e-7 for 32 -> 28, on values in
 * [0, 1]).
 */
public final class Resize implements Transform {
  private final int height;
  private final int width;

  public Resize(int height, int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("Resize needs a size of at least 1x1, not " + height + "x" + width);
    }
    this.height = height;
    this.width = width;
  }

  @Override
  public ImageShape outputShape(ImageShape input) {
    return new ImageShape(input.channels(), height, width);
  }

  @Override
  public FloatImage apply(FloatImage image, RandomGenerator random) {
    ImageShape in = image.shape();
    Axis rows = new Axis(in.height(), height);
    Axis columns = new Axis(in.width(), width);
    float[] src = image.values();
    float[] out = new float[in.channels() * height * width];
    int o = 0;
    for (int c = 0; c < in.channels(); c++) {
      int plane = c * in.height() * in.width();
      for (int y = 0; y < height; y++) {
        int row0 = plane + rows.index0[y] * in.width();
        int row1 = plane + rows.index1[y] * in.width();
        for (int x = 0; x < width; x++) {
          int x0 = columns.index0[x];
          int x1 = columns.index1[x];
          float top = blend(src[row0 + x0], columns.weight0[x], src[row0 + x1], columns.weight1[x]);
          float bottom = blend(src[row1 + x0], columns.weight0[x], src[row1 + x1], columns.weight1[x]);
          out[o++] = blend(top, rows.weight0[y], bottom, rows.weight1[y]);
        }
      }
    }
    return new FloatImage(outputShape(in), out);
  }

  /**
   * {@code a * wa + b * wb} as torch's compiled kernel rounds it: {@code b * wb} rounded to float, then a fused
   * multiply-add. The fused step is done in double, where the product of two floats is exact; rounding the sum to
   * double and then to float equals one rounding except in cases far rarer than this data produces, and unlike
   * {@link Math#fma(float, float, float)} it stays fast on processors without FMA instructions.
   */
  private static float blend(float a, float wa, float b, float wb) {
    float bw = b * wb;
    return (float) ((double) a * wa + bw);
  }

  /** For each output position along one axis: the two input positions it blends and their weights. */
  private static final class Axis {
    final int[] index0;
    final int[] index1;
    final float[] weight0;
    final float[] weight1;

    Axis(int inputSize, int outputSize) {
      index0 = new int[outputSize];
      index1 = new int[outputSize];
      weight0 = new float[outputSize];
      weight1 = new float[outputSize];
      float scale = (float) inputSize / outputSize; // torch's area_pixel_compute_scale, in float
      for (int i = 0; i < outputSize; i++) {
        if (inputSize == outputSize) {
          index0[i] = i;
          index1[i] = i;
          weight0[i] = 1f;
          weight1[i] = 0f;
          continue;
        }
        // torch's area_pixel_compute_source_index, evaluated in double from the float scale.
        double source = Math.max(0, scale * (i + 0.5) - 0.5);
        index0[i] = (int) source;
        index1[i] = index0[i] + (index0[i] < inputSize - 1 ? 1 : 0);
        weight1[i] = (float) Math.min(Math.max(source - index0[i], 0), 1);
        weight0[i] = 1f - weight1[i];
      }
    }
  }

  @Override
  public String toString() {
    return "Resize(" + height + "x" + width + ", bilinear)";
  }
}
