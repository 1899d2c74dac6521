package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import netforge.processor.model.Op;

/**
 * Max and average pooling, one work-item per output element forward and per input element backward. Backward
 * gathers instead of scattering, so no atomics are needed and sums have a fixed order: each input pixel visits the
 * windows that cover it. Max pooling stores the argmax (the position within the window, a byte for windows up to
 * 255 values) in forward; PyTorch's rule decides ties and NaNs (the first maximum wins; a NaN wins). Average pooling counts padded zeros, as PyTorch's
 * default {@code count_include_pad=True}.
 */
final class PoolKernels implements StageKernels {
  private final Stage stage;
  private final String prefix;
  private final boolean max;
  private final int c, h, w, oh, ow, k, s, pad;

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
    pad = pool.pad();
  }

  private String name(boolean forward) {
    return prefix + "_" + stage.tag(forward) + "_" + (max ? "maxpool" : "avgpool")
        + (forward ? stage.epilogueSuffix() : "");
  }

  private String argmax() {
    return String.format("argmax%02d", stage.index());
  }

  @Override
  public void openCl(ClSource cl) {
    cl.line("// ---- stage %d, %s: %s pooling [%d, %d, %d] -> [%d, %d, %d], window %d, stride %d, padding %d",
        stage.index(), stage.layer(), max ? "max" : "average", c, h, w, c, oh, ow, k, s, pad);
    cl.blank();
    cl.open("__kernel void %s(const __global real* restrict x, __global real* restrict out, "
        + "__global %s* restrict argmax, const long count, const int training, const ulong seed, const uint step) {",
        name(true), argmaxType());
    cl.line("const size_t o = get_global_id(0);");
    cl.line("if (o >= (size_t)count) return;");
    cl.line("const size_t plane = o / %d;", (long) oh * ow);
    cl.line("const int oh = o %% %d / %d;", (long) oh * ow, ow);
    cl.line("const int ow = o %% %d;", ow);
    cl.line("const __global real* xp = x + plane * %d;", (long) h * w);
    cl.line(max ? "real best = -INFINITY;" : "real sum = 0;");
    if (max) {
      // the window position of the maximum, kh * k + kw; until one is found (all -inf), the first position inside
      // the input, as PyTorch starts from
      cl.line("int where = max(0, %d - oh * %d) * %d + max(0, %d - ow * %d);", pad, s, k, pad, s);
    }
    cl.open("for (int kh = 0; kh < %d; ++kh) {", k);
    cl.line("const int ih = oh * %d - %d + kh;", s, pad);
    cl.line("if (ih < 0 || ih >= %d) continue;", h);
    cl.open("for (int kw = 0; kw < %d; ++kw) {", k);
    cl.line("const int iw = ow * %d - %d + kw;", s, pad);
    cl.line("if (iw < 0 || iw >= %d) continue;", w);
    cl.line("const real v = xp[ih * %d + iw];", w);
    if (max) {
      cl.open("if (v > best || isnan(v)) {");
      cl.line("best = v;");
      cl.line("where = kh * %d + kw;", k);
      cl.close();
    } else {
      cl.line("sum += v;");
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
    cl.blank();
    if (!stage.needsInputGradient()) {
      return;
    }
    Epilogue.defineMask(cl, stage, prefix);
    cl.line("// dX: each input pixel gathers the masked gradient of the windows that %s",
        max ? "chose it as their maximum" : "cover it");
    cl.open("__kernel void %s(const __global real* restrict dy, const __global real* restrict y, "
        + "const __global %s* restrict argmax, __global real* restrict dx, const long count, const int training, "
        + "const ulong seed, const uint step) {", name(false), argmaxType());
    cl.line("const size_t e = get_global_id(0);");
    cl.line("if (e >= (size_t)count) return;");
    cl.line("const size_t plane = e / %d;", (long) h * w);
    cl.line("const int ih = e %% %d / %d;", (long) h * w, w);
    cl.line("const int iw = e %% %d;", w);
    cl.line("const int th = ih + %d - %d + 1;", pad, k);
    cl.line("const int tw = iw + %d - %d + 1;", pad, k);
    cl.line("const int oh0 = th <= 0 ? 0 : (th + %d) / %d;", s - 1, s);
    cl.line("const int ow0 = tw <= 0 ? 0 : (tw + %d) / %d;", s - 1, s);
    cl.line("const int oh1 = min(%d, (ih + %d) / %d);", oh - 1, pad, s);
    cl.line("const int ow1 = min(%d, (iw + %d) / %d);", ow - 1, pad, s);
    cl.line("real g = 0;");
    cl.open("for (int oh = oh0; oh <= oh1; ++oh) {");
    cl.open("for (int ow = ow0; ow <= ow1; ++ow) {");
    cl.line("const size_t o = plane * %d + oh * %d + ow;", (long) oh * ow, ow);
    if (max) {
      cl.line("const int here = (ih - oh * %d + %d) * %d + (iw - ow * %d + %d);", s, pad, k, s, pad);
      cl.line("if (argmax[o] == here) g += %s;", Epilogue.masked(stage, prefix, "dy[o]", "y[o]", "o"));
    } else {
      cl.line("g += %s;", Epilogue.masked(stage, prefix, "dy[o]", "y[o]", "o"));
    }
    cl.close();
    cl.close();
    cl.line(max ? "dx[e] = g;" : "dx[e] = g / (real)%d;", k * k);
    cl.close();
    cl.blank();
  }

  @Override
  public void forward(CodeBlock.Builder java) {
    long count = (long) c * oh * ow;
    java.addStatement("p.each(p.kernel($S).set(0, p.buffer($S)).set(1, p.buffer($S)).set(2, p.buffer($S))"
        + ".set(3, (long) p.batch() * $L).set(4, p.training()).set(5, p.seed()).set(6, p.step()), "
        + "(long) p.batch() * $L)", name(true), stage.input(), stage.output(), argmaxBuffer(), count, count);
  }

  /** Average pooling keeps no argmax; it is handed a buffer it never touches. */
  private String argmaxBuffer() {
    return max ? argmax() : stage.output();
  }

  @Override
  public void backward(CodeBlock.Builder java, String gradIn, String gradOut) {
    long count = (long) c * h * w;
    java.addStatement("p.each(p.kernel($S).set(0, p.buffer($S)).set(1, p.buffer($S)).set(2, p.buffer($S))"
        + ".set(3, p.buffer($S)).set(4, (long) p.batch() * $L).set(5, p.training()).set(6, p.seed())"
        + ".set(7, p.step()), (long) p.batch() * $L)", name(false), gradIn, stage.output(), argmaxBuffer(), gradOut,
        count, count);
  }

  @Override
  public void scratch(ScratchSizes sizes) {}

  /** The argmax buffer of a max pool: one window position per output element. */
  String argmaxBufferName() {
    return max ? argmax() : null;
  }

  /** A byte holds the window position for windows of up to 255 values; larger windows need an int. */
  private String argmaxType() {
    return (long) k * k <= 255 ? "uchar" : "int";
  }

  /** 32-bit elements of the argmax buffer per image. */
  long argmaxElementsPerImage() {
    long outputs = (long) c * oh * ow;
    return (long) k * k <= 255 ? (outputs + 3) / 4 : outputs;
  }
}
