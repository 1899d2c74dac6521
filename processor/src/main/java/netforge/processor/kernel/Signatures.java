package netforge.processor.kernel;

import static netforge.processor.kernel.ClType.INT;
import static netforge.processor.kernel.ClType.LONG;
import static netforge.processor.kernel.ClType.READ_INTS;
import static netforge.processor.kernel.ClType.READ_OPERAND;
import static netforge.processor.kernel.ClType.READ_REALS;
import static netforge.processor.kernel.ClType.READ_UCHARS;
import static netforge.processor.kernel.ClType.UINT;
import static netforge.processor.kernel.ClType.ULONG;
import static netforge.processor.kernel.ClType.WRITE_INTS;
import static netforge.processor.kernel.ClType.WRITE_REALS;
import static netforge.processor.kernel.ClType.WRITE_UCHARS;

import java.util.ArrayList;
import java.util.List;

/**
 * Every kernel signature of a generated program, in one table (the role CLBlast's kernel database plays for its
 * tuned values): to change what a kernel takes, change its line here; its OpenCL parameter list and every launch
 * of it follow.
 */
final class Signatures {
  private Signatures() {}

  /** The GEMM's own parameters, first in every GEMM kernel; see {@link Gemm}. */
  static final KernelSignature GEMM = KernelSignature.of("Gemm", Launcher.GEMM, List.of(
      p("ap", READ_OPERAND), p("bp", READ_OPERAND), p("m_rows", INT), p("n_cols", INT), p("k_depth", INT),
      p("n_fastest", INT)));

  /** A convolution's forward GEMM: im2col(X) of a chunk of images from {@code n0}, stored NCHW with the epilogue. */
  static final KernelSignature CONV_GEMM = GEMM.then("ConvGemm",
      withDropoutKey(p("out", WRITE_REALS), p("params", READ_REALS), p("n0", INT)));

  /** A grouped convolution's forward GEMM: as {@link #CONV_GEMM}, for the output channels of group {@code g}. */
  static final KernelSignature GROUPED_CONV_GEMM = GEMM.then("GroupedConvGemm",
      withDropoutKey(p("out", WRITE_REALS), p("params", READ_REALS), p("n0", INT), p("g", INT)));

  /** A dense layer's forward GEMM, weights read in place, with the epilogue. */
  static final KernelSignature DENSE_GEMM = GEMM.then("DenseGemm",
      withDropoutKey(p("out", WRITE_REALS), p("params", READ_REALS)));

  /** The shared GEMM of backward products: C stored (or accumulated) at an offset with a leading dimension. */
  static final KernelSignature GEMM_STORE = GEMM.then("GemmStore",
      List.of(p("c", WRITE_REALS), p("offset", LONG), p("ldc", LONG), p("accumulate", INT))).sharedByEveryProgram();

  /** Packs a strided A operand into strips of TM rows. */
  static final KernelSignature PACK_ROWS = strided("PackRows", Launcher.ROW_PACK, "ap", "m_rows");

  /** Packs a strided B operand into strips of TN columns. */
  static final KernelSignature PACK_COLUMNS = strided("PackColumns", Launcher.COLUMN_PACK, "bp", "n_cols");

  /** Packs B columns of a chunk of images from {@code n0} (im2col, and its transpose for dW). */
  static final KernelSignature CHUNK_COLUMNS = KernelSignature.of("ChunkColumns", Launcher.COLUMN_PACK, List.of(
      p("src", READ_REALS), p("bp", WRITE_REALS), p("n_cols", INT), p("k_depth", INT), p("n0", INT)));

  /** As {@link #CHUNK_COLUMNS}, from the input channels of group {@code g} of a grouped convolution. */
  static final KernelSignature GROUPED_CHUNK_COLUMNS = KernelSignature.of("GroupedChunkColumns", Launcher.COLUMN_PACK,
      List.of(p("src", READ_REALS), p("bp", WRITE_REALS), p("n_cols", INT), p("k_depth", INT), p("n0", INT),
          p("g", INT)));

  /** One work-item per output element of one input: adaptive pooling, LRN. */
  static final KernelSignature POINTWISE_FORWARD = KernelSignature.of("PointwiseForward", Launcher.EACH,
      withDropoutKey(p("x", READ_REALS), p("out", WRITE_REALS), p("count", LONG)));

  /** One work-item per input element, gathering the output gradient: adaptive pooling. */
  static final KernelSignature GATHER_BACKWARD = KernelSignature.of("GatherBackward", Launcher.EACH,
      withDropoutKey(p("dy", READ_REALS), p("y", READ_REALS), p("dx", WRITE_REALS), p("count", LONG)));

  /** LRN's backward, which also reads its input. */
  static final KernelSignature LRN_BACKWARD = KernelSignature.of("LrnBackward", Launcher.EACH,
      withDropoutKey(p("dy", READ_REALS), p("y", READ_REALS), p("x", READ_REALS), p("dx", WRITE_REALS),
          p("count", LONG)));

  /** A BatchNorm's per-(image, channel) partial statistics of its input, for the per-channel merge. */
  static final KernelSignature BATCH_NORM_PARTIALS = KernelSignature.of("BatchNormPartials", Launcher.EACH,
      List.of(p("x", READ_REALS), p("partials", WRITE_REALS), p("batch", INT)));

  /** A BatchNorm's batch statistics merged per channel, and its running statistics updated. */
  static final KernelSignature BATCH_NORM_STATISTICS = KernelSignature.of("BatchNormStatistics", Launcher.EACH,
      List.of(p("partials", READ_REALS), p("stats", WRITE_REALS), p("state", WRITE_REALS), p("batch", INT)));

  /** A BatchNorm's normalisation and affine map, with the epilogue: by the batch's statistics or the running ones. */
  static final KernelSignature BATCH_NORM_FORWARD = KernelSignature.of("BatchNormForward", Launcher.EACH,
      withDropoutKey(p("x", READ_REALS), p("out", WRITE_REALS), p("params", READ_REALS), p("stats", READ_REALS),
          p("state", READ_REALS), p("count", LONG)));

  /** A BatchNorm's gradient masked in place, and its per-(image, channel) sums of dZ and dZ * xhat. */
  static final KernelSignature BATCH_NORM_GRADIENT_PARTIALS = KernelSignature.of("BatchNormGradientPartials",
      Launcher.EACH, withDropoutKey(p("dy", WRITE_REALS), p("y", READ_REALS), p("x", READ_REALS),
          p("stats", READ_REALS), p("partials", WRITE_REALS), p("batch", INT)));

  /** A BatchNorm's weight and bias gradients: the partial sums merged per channel. */
  static final KernelSignature BATCH_NORM_GRADIENT_SUMS = KernelSignature.of("BatchNormGradientSums", Launcher.EACH,
      List.of(p("partials", READ_REALS), p("grads", WRITE_REALS), p("batch", INT)));

  /** A BatchNorm's dX from dZ and the per-channel sums. */
  static final KernelSignature BATCH_NORM_BACKWARD = KernelSignature.of("BatchNormBackward", Launcher.EACH,
      List.of(p("dy", READ_REALS), p("x", READ_REALS), p("params", READ_REALS), p("stats", READ_REALS),
          p("grads", READ_REALS), p("dx", WRITE_REALS), p("count", LONG), p("batch", INT)));

  /** The gradient masked in place through the epilogue, and the bias gradient summed. */
  static final KernelSignature MASK_BIAS = KernelSignature.of("MaskBias", Launcher.EACH,
      withDropoutKey(p("dy", WRITE_REALS), p("y", READ_REALS), p("grads", WRITE_REALS), p("batch", INT)));

  /** dX of a chunk of images gathered from the column gradient. */
  static final KernelSignature COL2IM = KernelSignature.of("Col2im", Launcher.EACH, List.of(
      p("col", READ_REALS), p("dx", WRITE_REALS), p("n0", INT), p("rows", LONG), p("cols", INT)));

  /** As {@link #COL2IM}, into the input channels of group {@code g} of a grouped convolution. */
  static final KernelSignature GROUPED_COL2IM = KernelSignature.of("GroupedCol2im", Launcher.EACH, List.of(
      p("col", READ_REALS), p("dx", WRITE_REALS), p("n0", INT), p("rows", LONG), p("cols", INT), p("g", INT)));

  /** A depthwise convolution's forward, one work-item per output row, with the epilogue. */
  static final KernelSignature DEPTHWISE_FORWARD = KernelSignature.of("DepthwiseForward", Launcher.EACH,
      withDropoutKey(p("x", READ_REALS), p("out", WRITE_REALS), p("params", READ_REALS), p("rows", LONG)));

  /** A depthwise convolution's dX, one work-item per input row, from the masked output gradient. */
  static final KernelSignature DEPTHWISE_INPUT_GRADIENT = KernelSignature.of("DepthwiseInputGradient",
      Launcher.EACH, List.of(p("dz", READ_REALS), p("params", READ_REALS), p("dx", WRITE_REALS), p("rows", LONG)));

  /** A depthwise convolution's dW of each output row, one work-item per row. */
  static final KernelSignature DEPTHWISE_WEIGHT_PARTIALS = KernelSignature.of("DepthwiseWeightPartials",
      Launcher.EACH, List.of(p("dz", READ_REALS), p("x", READ_REALS), p("partials", WRITE_REALS),
          p("rows", LONG)));

  /** A depthwise convolution's dW: the rows' partial sums added, one work-item per weight. */
  static final KernelSignature DEPTHWISE_WEIGHT_GRADIENT = KernelSignature.of("DepthwiseWeightGradient",
      Launcher.EACH, List.of(p("partials", READ_REALS), p("grads", WRITE_REALS), p("batch", INT)));

  /** Softmax, cross-entropy and its gradient, one work-item per image. */
  static final KernelSignature LOSS = KernelSignature.of("Loss", Launcher.EACH, List.of(
      p("logits", READ_REALS), p("labels", READ_INTS), p("dlogits", WRITE_REALS), p("row_loss", WRITE_REALS),
      p("row_pred", WRITE_INTS), p("batch", INT)));

  /**
   * Pooling forward, one work-item per output row; {@code byteArgmax} when the window position fits a byte.
   * Both widths share one argument class: Java sets either as a buffer.
   */
  static KernelSignature poolForward(boolean byteArgmax) {
    return KernelSignature.of("PoolForward", Launcher.EACH, withDropoutKey(p("x", READ_REALS),
        p("out", WRITE_REALS), p("argmax", byteArgmax ? WRITE_UCHARS : WRITE_INTS), p("rows", LONG)));
  }

  /** Pooling backward, one work-item per input row. */
  static KernelSignature poolBackward(boolean byteArgmax) {
    return KernelSignature.of("PoolBackward", Launcher.EACH, withDropoutKey(p("dy", READ_REALS), p("y", READ_REALS),
        p("argmax", byteArgmax ? READ_UCHARS : READ_INTS), p("dx", WRITE_REALS), p("rows", LONG)));
  }

  /**
   * {@code signature} with the stage's pre-activation buffer {@code pre} last where the stage stores one
   * ({@link Stage#storesPreActivation}), under its name plus {@code Pre}: written by the {@code forward} kernel, read
   * by the backward one. Other stages keep {@code signature} itself, so their programs do not change.
   */
  static KernelSignature forStage(Stage stage, KernelSignature signature, boolean forward) {
    if (!stage.storesPreActivation()) {
      return signature;
    }
    return signature.then(signature.name() + "Pre", List.of(p("pre", forward ? WRITE_REALS : READ_REALS)));
  }

  private static KernelSignature strided(String name, Launcher launcher, String packed, String count) {
    return new KernelSignature(name, launcher, true, List.of(p("src", READ_REALS), p(packed, WRITE_REALS),
        p(count, INT), p("k_depth", INT), p("offset", LONG), p("row_stride", LONG), p("grp", INT),
        p("grp_stride", LONG), p("col_stride", LONG)));
  }

  private static List<KernelParameter> withDropoutKey(KernelParameter... first) {
    List<KernelParameter> all = new ArrayList<>(List.of(first));
    all.add(p("training", INT));
    all.add(p("seed", ULONG));
    all.add(p("step", UINT));
    return all;
  }

  private static KernelParameter p(String name, ClType type) {
    return new KernelParameter(name, type);
  }
}
