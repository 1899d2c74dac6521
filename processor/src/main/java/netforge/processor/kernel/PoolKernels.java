package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import netforge.processor.model.Op;

/**
 * Max and average pooling, one work-item per output row forward and per input row backward. Backward
 * gathers instead of scattering, so no atomics are needed and sums have a fixed order: each input pixel visits the
 * windows that cover it ({@link CoveringWindows}). Max pooling stores the argmax (the position within the window,
 * a byte for windows up to 255 values) in forward; PyTorch's rule decides ties and NaNs (the first maximum wins; a
 * NaN wins). Average pooling counts padded zeros, as PyTorch's default {@code count_include_pad=True}.
 */
final class PoolKernels implements StageKernels {
  private final Stage stage;
  private final String prefix;
  private final boolean max;
  private final int c, h, w, oh, ow, k, s, padH, padW;
  private final Kernel forward, backward;

  PoolKernels(Stage stage, String prefix) {
    this.stage = stage;
    this.prefix = prefix;
    Op.Pool pool = (Op.Pool) stage.reduction();
    max = pool.kind() == Op.PoolKind.MAX;
    c = stage.in().channels();
    h = stage.in().height();
    w = stage.in().width();
    oh = stage.out().height();
    ow = stage.out().width();
    k = pool.k();
    s = pool.effectiveStride();
    padH = pool.padHeight();
    padW = pool.padWidth();
    boolean byteArgmax = (long) k * k <= 255;
    forward = new Kernel(name(true), Signatures.forStage(stage, Signatures.poolForward(byteArgmax), true));
    backward = new Kernel(name(false), Signatures.forStage(stage, Signatures.poolBackward(byteArgmax), false));
  }

  private String name(boolean forward) {
    return prefix + "_" + stage.tag(forward) + "_" + (max ? "maxpool" : "avgpool")
        + (forward ? stage.epilogueSuffix() : "");
  }

  private BufferName argmax() {
    return BufferName.planned(String.format("argmax%02d", stage.index()));
  }

  @Override
  public void openCl(ClSource cl) {
    cl.section("stage %d, %s: %s pooling [%d, %d, %d] -> [%d, %d, %d], window %d, stride %d, padding %s",
        stage.index(), stage.layer(), max ? "max" : "average", c, h, w, c, oh, ow, k, s,
        CoveringWindows.padding(padH, padW));
    cl.blank();
    // branches inside the window keep PoCL from vectorizing across work-items: 8x slower on AlexNet's pools
    cl.line("// one work-item per output row; the window is unrolled and branch-free (selects, and clamped loads");
    cl.line("// where padding lets it leave the input), so the compiler vectorizes across work-items");
    cl.open("%s", forward.header());
    cl.line("const size_t row = get_global_id(0);");
    cl.line("if (row >= (size_t)rows) return;");
    cl.line("const size_t plane = row / %d;", oh);
    cl.line("const int oh = row %% %d;", oh);
    cl.line("const __global real* xp = x + plane * %d;", (long) h * w);
    cl.open("for (int ow = 0; ow < %d; ++ow) {", ow);
    cl.line("const size_t o = row * %d + ow;", ow);
    cl.line(max ? "real best = -INFINITY;" : "real sum = 0;");
    if (max) {
      // the window position of the maximum, kh * k + kw; until one is found (all -inf), the first position inside
      // the input, as PyTorch starts from
      cl.line("int where = max(0, %d - oh * %d) * %d + max(0, %d - ow * %d);", padH, s, k, padW, s);
    }
    cl.line("#pragma unroll");
    cl.open("for (int kh = 0; kh < %d; ++kh) {", k);
    cl.line("const int ih = oh * %d - %d + kh;", s, padH);
    cl.line("#pragma unroll");
    cl.open("for (int kw = 0; kw < %d; ++kw) {", k);
    cl.line("const int iw = ow * %d - %d + kw;", s, padW);
    boolean padded = padH > 0 || padW > 0;
    if (padded) {
      cl.line("const int inside = ih >= 0 && ih < %d && iw >= 0 && iw < %d;", h, w);
      cl.line("const real v = xp[inside ? ih * %d + iw : 0];", w);
    } else {
      // without padding every window lies inside the input
      cl.line("const real v = xp[ih * %d + iw];", w);
    }
    String inside = padded ? "inside && " : "";
    if (max) {
      cl.line("const int better = %s(v > best || isnan(v));", inside);
      cl.line("best = better ? v : best;");
      cl.line("where = better ? kh * %d + kw : where;", k);
    } else {
      cl.line(padded ? "sum += inside ? v : (real)0;" : "sum += v;");
    }
    cl.close();
    cl.close();
    cl.line(max ? "real y = best;" : "real y = sum / (real)%d;", k * k);
    Epilogue.forward(cl, stage);
    cl.line("out[o] = y;");
    if (max) {
      cl.line("argmax[o] = where;");
    }
    cl.close();
    cl.close();
    cl.blank();
    if (!stage.needsInputGradient()) {
      return;
    }
    Epilogue.defineMask(cl, stage, prefix);
    cl.line("// dX: each input pixel gathers the masked gradient of the windows that %s. One work-item per",
        max ? "chose it as their maximum" : "cover it");
    cl.line("// input row; a pixel has at most %s candidate windows, visited branch-free",
        CoveringWindows.count(k, k, s));
    cl.open("%s", backward.header());
    cl.line("const size_t row = get_global_id(0);");
    cl.line("if (row >= (size_t)rows) return;");
    cl.line("const size_t plane = row / %d;", h);
    cl.line("const int ih = row %% %d;", h);
    cl.open("for (int iw = 0; iw < %d; ++iw) {", w);
    cl.line("real g = 0;");
    CoveringWindows.open(cl, k, k, s, padH, padW, oh, ow);
    cl.line("const size_t o = plane * %d + (covers ? oh * %d + ow : 0);", (long) oh * ow, ow);
    String gradient = Epilogue.masked(stage, prefix, "dy[o]", "y[o]", "o");
    if (max) {
      cl.line("g += covers && argmax[o] == dh * %d + dw ? %s : (real)0;", k, gradient);
    } else {
      cl.line("g += covers ? %s : (real)0;", gradient);
    }
    CoveringWindows.close(cl);
    cl.line(max ? "dx[row * %d + iw] = g;" : "dx[row * %d + iw] = g / (real)%d;", w, k * k);
    cl.close();
    cl.close();
    cl.blank();
  }

  @Override
  public void forward(CodeBlock.Builder java, ArgumentClasses classes) {
    long count = (long) c * oh; // output rows per image
    java.addStatement("p.each($L, (long) p.batch() * $L)", forward.launch().bind("x", stage.input())
        .bind("out", stage.output()).bind("argmax", argmaxBuffer()).bind("rows", "(long) p.batch() * " + count)
        .bindDropoutKey().bindPreActivation(stage).code(classes), count);
  }

  /** Average pooling keeps no argmax; it is handed a buffer it never touches. */
  private BufferName argmaxBuffer() {
    return max ? argmax() : stage.output();
  }

  @Override
  public void backward(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn, BufferName gradOut) {
    long count = (long) c * h; // input rows per image
    java.addStatement("p.each($L, (long) p.batch() * $L)", backward.launch().bind("dy", gradIn)
        .bind("y", stage.output()).bind("argmax", argmaxBuffer()).bind("dx", gradOut)
        .bind("rows", "(long) p.batch() * " + count).bindDropoutKey().bindPreActivation(stage).code(classes), count);
  }

  @Override
  public void scratch(ScratchSizes sizes) {}

  /** The argmax buffer of a max pool: one window position per output element; null for average pooling. */
  BufferName argmaxBufferName() {
    return max ? argmax() : null;
  }

  /** 32-bit elements of the argmax buffer per image. */
  long argmaxElementsPerImage() {
    long outputs = (long) c * oh * ow;
    return (long) k * k <= 255 ? (outputs + 3) / 4 : outputs;
  }
}
