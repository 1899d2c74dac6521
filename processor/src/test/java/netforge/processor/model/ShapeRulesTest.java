package netforge.processor.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import netforge.processor.model.Op.PoolKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The arithmetic of every step, as tables, without javac. */
class ShapeRulesTest {
  private static final Shape ALEXNET_INPUT = Shape.spatial(1, 227, 227);
  private static final Shape POOL5 = Shape.spatial(256, 6, 6);

  private static Op.Conv conv(int out, int k, int s, int p) {
    return new Op.Conv(out, k, 0, 0, s, p, true);
  }

  /** A {@code k x k} convolution with padding {@code k / 2} at stride 1, in {@code groups} groups. */
  private static Op.Conv grouped(int out, int k, int groups) {
    return new Op.Conv(out, k, 0, 0, 1, k / 2, -1, -1, true, groups);
  }

  private static Op.Pool maxPool(int k, int s, int p) {
    return new Op.Pool(PoolKind.MAX, k, s, p);
  }

  @ParameterizedTest(name = "in={0} k={1} s={2} p={3} -> {4}")
  @CsvSource({
      "227, 11, 4, 0, 55",   // AlexNet conv1
      "224, 11, 4, 0, 54",   // the same on 224: floor(213 / 4) + 1
      "55, 3, 2, 0, 27",     // pool1
      "27, 5, 1, 2, 27",     // conv2 keeps the size
      "13, 3, 2, 0, 6",      // pool5
      "28, 28, 1, 0, 1",     // a window as large as the input
      "28, 29, 1, 0, 0",     // one larger: empty
      "11, 13, 1, 0, -1",
      "2, 5, 2, 0, -1",      // floor(-3 / 2) + 1: floored, not truncated towards 0
      "46340, 2, 1, 1, 46341",
      "2147483647, 1, 1, 1073741823, 4294967293"})  // no int overflow
  void windowOutput_table(int in, int k, int s, int p, long expected) {
    assertThat(ShapeRules.windowOutput(in, k, s, p)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "in={0} k={1} s={2} p={3} leaves {4} unread")
  @CsvSource({"224, 11, 4, 0, 1", "227, 11, 4, 0, 0", "28, 3, 3, 0, 1", "28, 3, 1, 1, 0", "54, 3, 2, 0, 1",
      "28, 3, 2, 1, 0",     // only trailing padding is skipped: every input row is read
      "29, 2, 3, 0, 9",     // 10 windows of 2 rows, each skipping 1 after it, read 20 of 29 rows
      "30, 2, 3, 1, 10",    // the first window reads 1 input row, the last ends on row 28: 20 of 30
      "5, 1, 5, 0, 4",
      "2147483647, 2, 2147483647, 1, 2147483645"})  // no overflow
  void unreadByWindow_table(int in, int k, int s, int p, long expected) {
    assertThat(ShapeRules.unreadByWindow(in, k, s, p)).isEqualTo(expected);
  }

  /** The closed form against a count of the rows the windows actually cover, over every small case. */
  @Test
  void unreadByWindow_matchesCountingCoveredRows() {
    for (int in = 1; in <= 20; in++) {
      for (int k = 1; k <= 6; k++) {
        for (int s = 1; s <= 7; s++) {
          for (int p = 0; p < k; p++) {
            long windows = ShapeRules.windowOutput(in, k, s, p);
            boolean[] read = new boolean[in];
            for (long i = 0; i < windows; i++) {
              for (long r = i * s - p; r < i * s - p + k; r++) {
                if (r >= 0 && r < in) {
                  read[(int) r] = true;
                }
              }
            }
            int unread = 0;
            for (boolean r : read) {
              unread += r ? 0 : 1;
            }
            assertThat(ShapeRules.unreadByWindow(in, k, s, p))
                .isEqualTo(windows < 1 ? 0 : unread);
          }
        }
      }
    }
  }

  static Stream<Arguments> outputs() {
    return Stream.of(
        arguments(conv(96, 11, 4, 0), ALEXNET_INPUT, Shape.spatial(96, 55, 55)),
        arguments(new Op.Conv(8, 0, 1, 7, 1, 0, true), Shape.spatial(3, 10, 10), Shape.spatial(8, 10, 4)),
        arguments(maxPool(3, 2, 0), Shape.spatial(96, 55, 55), Shape.spatial(96, 27, 27)),
        arguments(maxPool(2, 0, 0), Shape.spatial(6, 24, 24), Shape.spatial(6, 12, 12)),  // s = 0 means s = k
        arguments(new Op.Pool(PoolKind.AVG, 2, 1, 1), Shape.spatial(1, 4, 4), Shape.spatial(1, 5, 5)),
        // per axis: ph pads the height only, pw the width only, as PyTorch's padding=(ph, pw)
        arguments(new Op.Conv(8, 0, 1, 7, 1, 0, 0, 3, true), Shape.spatial(3, 10, 10), Shape.spatial(8, 10, 10)),
        arguments(new Op.Conv(8, 3, 0, 0, 2, 0, 1, -1, true), Shape.spatial(3, 9, 9), Shape.spatial(8, 5, 4)),
        arguments(new Op.Pool(PoolKind.MAX, 3, 1, 0, 0, 1), Shape.spatial(2, 5, 4), Shape.spatial(2, 3, 4)),
        arguments(new Op.Pool(PoolKind.AVG, 3, 2, 0, 1, 0), Shape.spatial(2, 6, 5), Shape.spatial(2, 3, 2)),
        // groups only splits the channels: the output is out channels as without them
        arguments(grouped(64, 3, 64), Shape.spatial(64, 32, 32), Shape.spatial(64, 32, 32)),   // depthwise
        arguments(grouped(12, 1, 4), Shape.spatial(8, 5, 5), Shape.spatial(12, 5, 5)),
        arguments(new Op.AdaptiveAvgPool(6, 6), Shape.spatial(256, 5, 5), POOL5),
        arguments(new Op.Dense(4096, 0, true), POOL5, Shape.flat(4096)),
        arguments(new Op.Flatten(), POOL5, Shape.flat(9216)),
        arguments(new Op.Relu(), POOL5, POOL5),
        arguments(new Op.LeakyRelu(0.01), POOL5, POOL5),
        arguments(new Op.Tanh(), POOL5, POOL5),
        arguments(new Op.Sigmoid(), Shape.flat(4096), Shape.flat(4096)),
        arguments(new Op.Gelu(), POOL5, POOL5),
        arguments(new Op.Silu(), Shape.flat(10), Shape.flat(10)),
        arguments(new Op.Dropout(0.5), Shape.flat(4096), Shape.flat(4096)),
        arguments(new Op.Lrn(5, 1e-4, 0.75, 2), POOL5, POOL5),
        arguments(new Op.BatchNorm(1e-5, 0.1, "bn"), POOL5, POOL5),
        arguments(new Op.BatchNorm(1e-5, 0.1, "bn"), Shape.flat(4096), Shape.flat(4096)),
        // errors: empty output, wrong input kind, invalid numbers, unknown input, past the element limit
        arguments(conv(8, 29, 1, 0), Shape.spatial(1, 28, 28), Shape.ERROR),
        arguments(conv(8, 3, 1, 0), Shape.flat(100), Shape.ERROR),
        arguments(maxPool(2, 0, 0), Shape.flat(100), Shape.ERROR),
        arguments(conv(8, 3, 0, 0), Shape.spatial(1, 28, 28), Shape.ERROR),
        arguments(new Op.Dropout(1.0), Shape.flat(10), Shape.ERROR),
        arguments(new Op.LeakyRelu(Double.NaN), Shape.flat(10), Shape.ERROR),
        arguments(new Op.Relu(), Shape.ERROR, Shape.ERROR),
        arguments(new Op.Gelu(), Shape.ERROR, Shape.ERROR),
        arguments(new Op.Dense(10, 0, true), Shape.ERROR, Shape.ERROR),
        arguments(conv(3_000_000, 1, 1, 0), Shape.spatial(1, 28, 28), Shape.ERROR),
        arguments(grouped(12, 1, 8), Shape.spatial(8, 5, 5), Shape.ERROR),   // 8 does not divide out = 12
        arguments(grouped(6, 1, 2), Shape.spatial(3, 5, 5), Shape.ERROR));   // 2 does not divide 3 input channels
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @MethodSource("outputs")
  void output_table(Op op, Shape in, Shape expected) {
    assertThat(ShapeRules.output(op, in)).isEqualTo(expected);
  }

  static Stream<Arguments> hyperparameters() {
    return Stream.of(
        arguments(conv(8, 3, 1, 0), true),
        arguments(conv(8, 3, 1, 2), true),           // p < k
        arguments(conv(8, 3, 1, 3), false),          // p = k
        arguments(conv(8, 3, 1, -1), false),
        arguments(conv(0, 3, 1, 0), false),
        arguments(conv(8, 3, 0, 0), false),
        arguments(conv(8, 0, 1, 0), false),          // no kernel at all
        arguments(new Op.Conv(8, 3, 3, 0, 1, 0, true), false),  // k and kh
        arguments(new Op.Conv(8, 0, 3, 0, 1, 0, true), false),  // kh without kw
        arguments(new Op.Conv(8, 0, 1, 7, 1, 0, true), true),
        arguments(new Op.Conv(8, 0, 1, 7, 1, 1, true), false),  // p must be below the smaller side
        arguments(new Op.Conv(8, 0, 1, 7, 1, 0, 0, 6, true), true),   // each axis below its own side
        arguments(grouped(8, 3, 0), false),          // groups = 0
        arguments(grouped(8, 3, 3), true),           // out % groups is checked against the input, with in % groups
        arguments(new Op.Conv(8, 0, 1, 7, 1, 0, 1, 0, true), false),  // ph must be below kh
        arguments(new Op.Conv(8, 3, 0, 0, 1, 0, -2, -1, true), false),  // a negative ph other than "as p"
        arguments(new Op.Conv(8, 3, 0, 0, 1, 1, 0, -1, true), false),  // p and ph: the padding given twice
        arguments(new Op.Pool(PoolKind.MAX, 3, 0, 0, -1, 1), true),
        arguments(new Op.Pool(PoolKind.MAX, 3, 0, 0, 2, -1), false),  // ph above k / 2
        arguments(new Op.Pool(PoolKind.AVG, 3, 0, 1, -1, 1), false),  // p and pw
        arguments(maxPool(3, 0, 1), true),           // p = k / 2
        arguments(maxPool(3, 0, 2), false),
        arguments(maxPool(3, -1, 0), false),
        arguments(maxPool(0, 0, 0), false),
        arguments(new Op.AdaptiveAvgPool(0, 6), false),
        arguments(new Op.Dense(10, 0, true), true),
        arguments(new Op.Dense(0, 0, true), false),
        arguments(new Op.Dense(10, -1, true), false),
        arguments(new Op.Dropout(0), true),
        arguments(new Op.Dropout(0.999), true),
        arguments(new Op.Dropout(1.0), false),
        arguments(new Op.Dropout(-0.1), false),
        arguments(new Op.Dropout(Double.NaN), false),
        arguments(new Op.Lrn(5, 1e-4, 0.75, 2), true),
        arguments(new Op.BatchNorm(1e-5, 0.1, "bn"), true),
        arguments(new Op.BatchNorm(1e-5, 0, "bn"), true),
        arguments(new Op.BatchNorm(1e-5, 1, "bn"), true),
        arguments(new Op.BatchNorm(0, 0.1, "bn"), false),
        arguments(new Op.BatchNorm(Double.POSITIVE_INFINITY, 0.1, "bn"), false),
        arguments(new Op.BatchNorm(Double.NaN, 0.1, "bn"), false),
        arguments(new Op.BatchNorm(1e-5, 1.01, "bn"), false),
        arguments(new Op.BatchNorm(1e-5, -0.1, "bn"), false),
        arguments(new Op.BatchNorm(1e-5, Double.NaN, "bn"), false),
        arguments(new Op.Lrn(5, 1e-4, 0.75, 0), false),
        arguments(new Op.Lrn(5, -1e-4, 0.75, 2), false),
        arguments(new Op.Lrn(0, 1e-4, 0.75, 2), false),
        arguments(new Op.Lrn(5, Double.POSITIVE_INFINITY, 0.75, 2), false),
        arguments(new Op.Relu(), true),
        arguments(new Op.LeakyRelu(0.01), true),
        arguments(new Op.LeakyRelu(0), true),            // PyTorch takes any finite slope: 0 is a ReLU
        arguments(new Op.LeakyRelu(-0.5), true),
        arguments(new Op.LeakyRelu(Double.NaN), false),
        arguments(new Op.LeakyRelu(Double.POSITIVE_INFINITY), false),
        arguments(new Op.LeakyRelu(Double.NEGATIVE_INFINITY), false),
        arguments(new Op.Tanh(), true),
        arguments(new Op.Flatten(), true));
  }

  @ParameterizedTest(name = "{0} valid: {1}")
  @MethodSource("hyperparameters")
  void hyperparametersValid_table(Op op, boolean expected) {
    assertThat(ShapeRules.hyperparametersValid(op)).isEqualTo(expected);
  }

  static Stream<Arguments> parameters() {
    return Stream.of(
        arguments(conv(96, 11, 4, 0), ALEXNET_INPUT, 11_712L),                       // 96 * 1 * 11 * 11 + 96
        arguments(conv(96, 11, 4, 0), Shape.spatial(3, 227, 227), 34_944L),
        arguments(new Op.Conv(96, 11, 0, 0, 4, 0, false), ALEXNET_INPUT, 11_616L),   // no bias
        arguments(new Op.Conv(8, 0, 1, 7, 1, 0, true), Shape.spatial(3, 10, 10), 8L * 3 * 7 + 8),
        // PyTorch's weight [out, in / groups, kh, kw]: MobileNet's depthwise 3x3 on 32 channels has 32 * 9 + 32
        arguments(grouped(32, 3, 32), Shape.spatial(32, 112, 112), 320L),
        arguments(grouped(64, 3, 32), Shape.spatial(32, 112, 112), 64L * 9 + 64),    // channel multiplier 2
        arguments(grouped(12, 1, 4), Shape.spatial(8, 5, 5), 12L * 2 + 12),
        arguments(new Op.Dense(4096, 0, true), POOL5, 37_752_832L),                  // 9216 * 4096 + 4096
        arguments(new Op.Dense(10, 0, true), Shape.flat(4096), 40_970L),
        arguments(new Op.Dense(10, 0, false), Shape.flat(4096), 40_960L),
        arguments(maxPool(3, 2, 0), POOL5, 0L),
        arguments(new Op.Lrn(5, 1e-4, 0.75, 2), POOL5, 0L),
        // a weight and a bias per channel (BatchNorm2d) or per feature (BatchNorm1d)
        arguments(new Op.BatchNorm(1e-5, 0.1, "bn"), POOL5, 512L),
        arguments(new Op.BatchNorm(1e-5, 0.1, "bn"), Shape.flat(4096), 8192L),
        arguments(new Op.Relu(), POOL5, 0L),
        arguments(new Op.Dense(4096, 0, true), Shape.ERROR, 0L));
  }

  @ParameterizedTest(name = "{0} on {1} has {2}")
  @MethodSource("parameters")
  void parameters_table(Op op, Shape in, long expected) {
    assertThat(ShapeRules.parameters(op, in)).isEqualTo(expected);
  }

  static Stream<Arguments> flops() {
    return Stream.of(
        // 2 * 96 * 55 * 55 outputs * 1 * 11 * 11 multiply-accumulates each
        arguments(conv(96, 11, 4, 0), ALEXNET_INPUT, Shape.spatial(96, 55, 55), 70_276_800L),
        arguments(new Op.Dense(4096, 0, true), POOL5, Shape.flat(4096), 75_497_472L),  // 2 * 4096 * 9216
        // 2 * 64 * 32 * 32 outputs * 1 input channel * 3 * 3: a depthwise layer sees one channel per output
        arguments(grouped(64, 3, 64), Shape.spatial(64, 32, 32), Shape.spatial(64, 32, 32), 1_179_648L),
        arguments(grouped(12, 1, 4), Shape.spatial(8, 5, 5), Shape.spatial(12, 5, 5), 2L * 12 * 25 * 2),
        arguments(maxPool(3, 2, 0), Shape.spatial(256, 13, 13), POOL5, 0L),
        arguments(new Op.Relu(), POOL5, POOL5, 0L),
        arguments(conv(8, 29, 1, 0), Shape.spatial(1, 28, 28), Shape.ERROR, 0L));
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}: {3} FLOPs")
  @MethodSource("flops")
  void flops_table(Op op, Shape in, Shape out, long expected) {
    assertThat(ShapeRules.flops(op, in, out)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "product of {0} x {1} x {2}")
  @CsvSource({"2, 3, 4, 24", "0, 9223372036854775807, 5, 0", "4294967296, 4294967296, 1, 9223372036854775807"})
  void product_saturatesInsteadOfOverflowing(long a, long b, long c, long expected) {
    assertThat(ShapeRules.product(a, b, c)).isEqualTo(expected);
  }
}
