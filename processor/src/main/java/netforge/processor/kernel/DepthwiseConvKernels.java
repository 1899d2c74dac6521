package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import netforge.processor.model.Op;

/**
 * A depthwise convolution: {@code groups} equal to the input channels, so each output channel convolves one input
 * channel ({@code out / in} output channels per input channel, the channel multiplier). Its GEMMs per group would
 * have a single row of W and a depth of one window: the register tile runs nearly empty, and the weight gradient
 * of each group is one work-item summing over the whole batch (for a 64x32x32 3x3 layer at batch 128 on PoCL:
 * 37 ms forward, 580 ms backward; these kernels: 7.5 ms and 23 ms). So it is computed directly, as pooling is:
 * forward one work-item per output row, the window unrolled over weights held in registers; dX one work-item per
 * input row, gathering from the windows that cover each pixel; dW in two steps, one work-item per output row summing
 * each weight's products along the row, then one per weight adding those sums over rows and images. Branch-free
 * inside the windows (clamped loads and selects), so PoCL vectorizes across work-items. The mask and bias gradient
 * are the GEMM convolution's {@link MaskBias}.
 */
final class DepthwiseConvKernels implements StageKernels {
  /** The longest row whose loop is unrolled whole: 64 columns of 9 taps is 576 multiply-adds of straight code. */
  private static final int MAX_UNROLLED = 64;

  private final Stage stage;
  private final String prefix;
  private final int ci, h, w, co, oh, ow, kh, kw, s, padH, padW, multiplier;
  private final Kernel forward, inputGradient, weightPartials, weightGradient;
  private final MaskBias maskBias;

  /** Whether {@code stage} is a depthwise convolution: as many groups as input channels, more than one. */
  static boolean applies(Stage stage) {
    return stage.reduction() instanceof Op.Conv c && c.groups() > 1 && c.groups() == stage.in().channels();
  }

  DepthwiseConvKernels(Stage stage, String prefix) {
    if (!applies(stage)) {
      throw new IllegalArgumentException(stage.layer() + " is not a depthwise convolution");
    }
    this.stage = stage;
    this.prefix = prefix;
    Op.Conv c = (Op.Conv) stage.reduction();
    ci = stage.in().channels();
    h = stage.in().height();
    w = stage.in().width();
    co = stage.out().channels();
    oh = stage.out().height();
    ow = stage.out().width();
    kh = c.kernelHeight();
    kw = c.kernelWidth();
    s = c.stride();
    padH = c.padHeight();
    padW = c.padWidth();
    multiplier = co / ci;
    String tag = prefix + "_" + stage.tag(true) + "_depthwise";
    forward = new Kernel(tag + (stage.biasOffset() >= 0 ? "_bias" : "") + stage.epilogueSuffix(),
        Signatures.forStage(stage, Signatures.DEPTHWISE_FORWARD, true));
    String backwardTag = prefix + "_" + stage.tag(false) + "_depthwise";
    inputGradient = new Kernel(backwardTag + "_dx", Signatures.DEPTHWISE_INPUT_GRADIENT);
    weightPartials = new Kernel(backwardTag + "_dw_rows", Signatures.DEPTHWISE_WEIGHT_PARTIALS);
    weightGradient = new Kernel(backwardTag + "_dw", Signatures.DEPTHWISE_WEIGHT_GRADIENT);
    maskBias = new MaskBias(stage, prefix, co, (long) oh * ow);
  }

  @Override
  public void openCl(ClSource cl) {
    cl.section("stage %d, %s: depthwise convolution [%d, %d, %d] -> [%d, %d, %d], kernel %dx%d, stride %d, padding %s,"
            + " %d output channel%s per input channel", stage.index(), stage.layer(), ci, h, w, co, oh, ow, kh, kw, s,
        CoveringWindows.padding(padH, padW), multiplier, multiplier == 1 ? "" : "s");
    cl.blank();
    forward(cl);
    if (!stage.needsBackward()) {
      return;
    }
    Epilogue.defineMask(cl, stage, prefix);
    maskBias.openCl(cl);
    weightGradient(cl);
    if (stage.needsInputGradient()) {
      inputGradient(cl);
    }
  }

  /** Output channel {@code c} reads input channel {@code c / multiplier}: the C expression of that channel. */
  private String inputChannel(String c) {
    return multiplier == 1 ? c : c + " / " + multiplier;
  }

  /** The load of {@code xp} at row {@code ih}, column {@code iw}, zero in the padding, as {@code v}. */
  private void loadInput(ClSource cl) {
    if (padH > 0 || padW > 0) {
      cl.line("const int inside = ih >= 0 && ih < %d && iw >= 0 && iw < %d;", h, w);
      cl.line("const real raw = xp[inside ? ih * %d + iw : 0];", w);
      cl.line("const real v = inside ? raw : (real)0;");
    } else {
      // without padding every window lies inside the input
      cl.line("const real v = xp[ih * %d + iw];", w);
    }
  }

  private void forward(ClSource cl) {
    cl.line("// one work-item per output row (image, channel, oh); the channel's weights in registers, the window");
    cl.line("// unrolled and branch-free (clamped loads where padding lets it leave the input)");
    cl.open("%s", forward.header());
    cl.line("const size_t row = get_global_id(0);");
    cl.line("if (row >= (size_t)rows) return;");
    cl.line("const size_t plane = row / %d;", oh);
    cl.line("const int c = plane %% %d;", co);
    cl.line("const int oh = row %% %d;", oh);
    cl.line("const __global real* xp = x + (plane / %d * %d + %s) * %d;", co, ci, inputChannel("c"), (long) h * w);
    cl.line("const __global real* wp = params + %dL + c * %d;", stage.weightOffset(), kh * kw);
    cl.line("real wv[%d];", kh * kw);
    cl.line("#pragma unroll");
    cl.line("for (int t = 0; t < %d; ++t) wv[t] = wp[t];", kh * kw);
    cl.line(stage.biasOffset() >= 0 ? "const real bias = params[%dL + c];" : "const real bias = 0;",
        stage.biasOffset());
    cl.open("for (int ow = 0; ow < %d; ++ow) {", ow);
    cl.line("real sum = bias;");
    cl.line("#pragma unroll");
    cl.open("for (int kh = 0; kh < %d; ++kh) {", kh);
    cl.line("const int ih = oh * %d - %d + kh;", s, padH);
    cl.line("#pragma unroll");
    cl.open("for (int kw = 0; kw < %d; ++kw) {", kw);
    cl.line("const int iw = ow * %d - %d + kw;", s, padW);
    loadInput(cl);
    cl.line("sum = fma(v, wv[kh * %d + kw], sum);", kw);
    cl.close();
    cl.close();
    cl.line("const size_t o = row * %d + ow;", ow);
    cl.line("real y = sum;");
    Epilogue.forward(cl, stage);
    cl.line("out[o] = y;");
    cl.close();
    cl.close();
    cl.blank();
  }

  /**
   * Columns of a row summed in one fully unrolled loop. PoCL runs a kernel's work-items in a loop inside each of the
   * kernel's own loops, so a sum carried from one iteration of a loop to the next lives in memory, not a register:
   * along a whole row that made dW 9 times slower (57 ms against 6 ms for a 64x32x32 3x3 layer at batch 128). A
   * row of at most {@value #MAX_UNROLLED} columns is unrolled whole; a longer one in blocks of a divisor of its
   * width if it has one of at least 16, else of 32 with a masked tail.
   */
  static int rowBlock(int columns) {
    if (columns <= MAX_UNROLLED) {
      return columns;
    }
    for (int block = MAX_UNROLLED; block >= 16; block--) {
      if (columns % block == 0) {
        return block;
      }
    }
    return 32;
  }

  private void weightGradient(ClSource cl) {
    int taps = kh * kw;
    cl.line("// dW of each output row: one work-item per (image, channel, oh), as the forward pass; for each weight, the");
    cl.line("// row's masked gradient times the input that weight met, summed along the row in unrolled blocks");
    cl.open("%s", weightPartials.header());
    cl.line("const size_t row = get_global_id(0);");
    cl.line("if (row >= (size_t)rows) return;");
    cl.line("const size_t plane = row / %d;", oh);
    cl.line("const int c = plane %% %d;", co);
    cl.line("const int oh = row %% %d;", oh);
    cl.line("const __global real* xp = x + (plane / %d * %d + %s) * %d;", co, ci, inputChannel("c"), (long) h * w);
    cl.line("const __global real* dzp = dz + row * %d;", ow);
    cl.line("#pragma unroll");
    cl.open("for (int kh = 0; kh < %d; ++kh) {", kh);
    cl.line("const int ih = oh * %d - %d + kh;", s, padH);
    cl.line("#pragma unroll");
    cl.open("for (int kw = 0; kw < %d; ++kw) {", kw);
    cl.line("real sum = 0;");
    int block = rowBlock(ow);
    if (block < ow) {
      cl.open("for (int ow0 = 0; ow0 < %d; ow0 += %d) {", ow, block);
    }
    cl.line("#pragma unroll");
    cl.open("for (int i = 0; i < %d; ++i) {", block);
    cl.line(block < ow ? "const int ow = ow0 + i;" : "const int ow = i;");
    cl.line("const int iw = ow * %d - %d + kw;", s, padW);
    boolean tail = ow % block != 0;
    if (tail) {
      // the last block runs past the row: those columns add nothing
      cl.line("const int column = ow < %d;", ow);
      cl.line("const int inside = column && ih >= 0 && ih < %d && iw >= 0 && iw < %d;", h, w);
      cl.line("const real raw = xp[inside ? ih * %d + iw : 0];", w);
      cl.line("const real v = inside ? raw : (real)0;");
      cl.line("sum = fma(v, dzp[column ? ow : 0], sum);");
    } else {
      loadInput(cl);
      cl.line("sum = fma(v, dzp[ow], sum);");
    }
    cl.close();
    if (block < ow) {
      cl.close();
    }
    cl.line("partials[row * %d + kh * %d + kw] = sum;", taps, kw);
    cl.close();
    cl.close();
    cl.close();
    cl.blank();
    cl.line("// dW: the rows' sums added over images and rows, one work-item per weight");
    cl.open("%s", weightGradient.header());
    cl.line("const int t = get_global_id(0);");
    cl.line("if (t >= %d) return;", co * taps);
    cl.line("const int c = t / %d, tap = t %% %d;", taps, taps);
    cl.line("real total = 0;");
    cl.open("for (int n = 0; n < batch; ++n) {");
    cl.line("const __global real* rows = partials + (((size_t)n * %d + c) * %d) * %d + tap;", co, oh, taps);
    cl.line("real partial = 0;");
    cl.line("for (int oh = 0; oh < %d; ++oh) partial += rows[oh * %d];", oh, taps);
    cl.line("total += partial;");
    cl.close();
    cl.line("grads[%dL + t] = total;", stage.weightOffset());
    cl.close();
    cl.blank();
  }

  private void inputGradient(ClSource cl) {
    cl.line("// dX: one work-item per input row (image, channel, ih); each pixel gathers, from the %d output channel%s",
        multiplier, multiplier == 1 ? "" : "s");
    cl.line("// of its channel, the masked gradient of the at most %s windows that cover it, branch-free",
        CoveringWindows.count(kh, kw, s));
    cl.open("%s", inputGradient.header());
    cl.line("const size_t row = get_global_id(0);");
    cl.line("if (row >= (size_t)rows) return;");
    cl.line("const size_t plane = row / %d;", h);
    cl.line("const int ih = row %% %d;", h);
    // the first output channel of this input channel, in the gradient and in the weights
    cl.line("const __global real* dzfirst = dz + (plane / %d * %d + plane %% %d * %d) * %d;", ci, co, ci, multiplier,
        (long) oh * ow);
    cl.line("const __global real* wfirst = params + %dL + plane %% %d * %d;", stage.weightOffset(), ci,
        multiplier * kh * kw);
    cl.open("for (int iw = 0; iw < %d; ++iw) {", w);
    cl.line("real sum = 0;");
    if (multiplier > 1) {
      // unrolled: a sum carried across a loop of the kernel's own lives in memory on PoCL (see rowBlock)
      cl.line("#pragma unroll");
      cl.open("for (int m = 0; m < %d; ++m) {", multiplier);
      cl.line("const __global real* dzp = dzfirst + (size_t)m * %d;", (long) oh * ow);
      cl.line("const __global real* wp = wfirst + m * %d;", kh * kw);
    } else {
      cl.line("const __global real* dzp = dzfirst;");
      cl.line("const __global real* wp = wfirst;");
    }
    CoveringWindows.open(cl, kh, kw, s, padH, padW, oh, ow);
    cl.line("const real g = dzp[covers ? oh * %d + ow : 0];", ow);
    cl.line("sum += covers ? g * wp[covers ? dh * %d + dw : 0] : (real)0;", kw);
    CoveringWindows.close(cl);
    if (multiplier > 1) {
      cl.close();
    }
    cl.line("dx[row * %d + iw] = sum;", w);
    cl.close();
    cl.close();
    cl.blank();
  }

  @Override
  public void forward(CodeBlock.Builder java, ArgumentClasses classes) {
    long count = (long) co * oh; // output rows per image
    java.addStatement("p.each($L, (long) p.batch() * $L)", forward.launch().bind("x", stage.input())
        .bind("out", stage.output()).bind("params", "p.params()").bind("rows", "(long) p.batch() * " + count)
        .bindDropoutKey().bindPreActivation(stage).code(classes), count);
  }

  @Override
  public void backward(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn, BufferName gradOut) {
    maskBias.launch(java, classes, gradIn);
    long rows = (long) co * oh; // output rows per image
    java.addStatement("p.each($L, (long) p.batch() * $L)", weightPartials.launch().bind("dz", gradIn)
        .bind("x", stage.input()).bind("partials", Scratch.C).bind("rows", "(long) p.batch() * " + rows)
        .code(classes), rows);
    java.addStatement("p.each($L, $L)", weightGradient.launch().bind("partials", Scratch.C)
        .bind("grads", Launches.GRADS).bind("batch", "p.batch()").code(classes), co * kh * kw);
    if (stage.needsInputGradient()) {
      long count = (long) ci * h; // input rows per image
      java.addStatement("p.each($L, (long) p.batch() * $L)", inputGradient.launch().bind("dz", gradIn)
          .bind("params", "p.params()").bind("dx", gradOut).bind("rows", "(long) p.batch() * " + count)
          .code(classes), count);
    }
  }

  @Override
  public void scratch(ScratchSizes sizes) {
    if (stage.needsBackward()) {
      // the weight gradient of each output row, before the sum over rows and images
      sizes.need(Scratch.C, new ScratchUse.Matrix(ScratchUse.BATCH, ScratchUse.fixed((long) co * oh * kh * kw)));
    }
  }
}
