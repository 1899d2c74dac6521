package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import netforge.processor.model.Op;

/**
 * A dense layer as GEMMs. Forward: {@code Y^T[out, batch] = W[out, in] * X^T + bias}, epilogue fused. Backward:
 * mask and bias gradient in one pass, {@code dW = dZ^T * X}, and {@code dX = dZ * W}, on the
 * {@link SharedKernels}.
 */
final class DenseKernels implements StageKernels {
  private final Stage stage;
  private final String prefix;
  private final long in;
  private final int out;

  DenseKernels(Stage stage, String prefix) {
    this.stage = stage;
    this.prefix = prefix;
    this.in = stage.in().size();
    this.out = ((Op.Dense) stage.reduction()).out();
  }

  private String name(boolean forward, String what) {
    return prefix + "_" + stage.tag(forward) + "_" + what;
  }

  private String gemmName() {
    return name(true, "dense" + (stage.biasOffset() >= 0 ? "_bias" : "") + stage.epilogueSuffix());
  }

  private String weight() {
    return Names.longLiteral(stage.weightOffset());
  }

  @Override
  public void openCl(ClSource cl) {
    cl.line("// ---- stage %d, %s: dense %d -> %d", stage.index(), stage.layer(), in, out);
    cl.blank();
    Gemm.render(cl, gemmName(), "Y^T = W x X^T + bias, W read in place, then the epilogue; stored as Y[image, out]",
        Gemm.weightsInPlace(stage.weightOffset(), in),
        "__global real* restrict out, const __global real* restrict params, const int training, const ulong seed, "
            + "const uint step", e -> {
          e.line("const size_t o = (size_t)n * %d + m;", out);
          e.line(stage.biasOffset() >= 0 ? "real y = v + params[%dL + m];" : "real y = v;", stage.biasOffset());
          Epilogue.forward(e, stage);
          e.line("out[o] = y;");
        }, null);
    if (!stage.needsBackward()) {
      return;
    }
    Epilogue.defineMask(cl, stage, prefix);
    if (stage.hasMask() || stage.biasOffset() >= 0) {
      cl.line("// dZ = mask(dY) in place, and the bias gradient: the sum of dZ over the batch");
      cl.open("__kernel void %s(__global real* restrict dy, const __global real* restrict y, "
          + "__global real* restrict grads, const int batch, const int training, const ulong seed, const uint step) {",
          name(false, "mask_bias"));
      cl.line("const int j = get_global_id(0);");
      cl.line("if (j >= %d) return;", out);
      cl.line("real total = 0;");
      cl.open("for (int n = 0; n < batch; ++n) {");
      cl.line("const size_t o = (size_t)n * %d + j;", out);
      cl.line("const real g = %s;", Epilogue.masked(stage, prefix, "dy[o]", "y[o]", "o"));
      if (stage.hasMask()) {
        cl.line("dy[o] = g;");
      }
      cl.line("total += g;");
      cl.close();
      if (stage.biasOffset() >= 0) {
        cl.line("grads[%dL + j] = total;", stage.biasOffset());
      }
      cl.close();
      cl.blank();
    }
  }

  private static String buffer(String name) {
    return KernelCall.buffer(name);
  }

  /**
   * Forward as {@code Y^T = W x X^T}: the weights are the A operand, read in place, and the batch is N, so the
   * large operand streams once while the small one stays in cache.
   */
  @Override
  public void forward(CodeBlock.Builder java) {
    String in = String.valueOf(this.in);
    Launches.packColumns(java, Launches.Strided.transposed(buffer(stage.input()), "0", in), "scratchB", "p.batch()",
        in);
    java.addStatement("p.gemm($L, $L, p.batch(), $L)", KernelCall.of(gemmName())
        .args(0, "p.params()", buffer("scratchB"))
        .args(6, buffer(stage.output()), "p.params()", "p.training()", "p.seed()", "p.step()"), out, in);
  }

  @Override
  public void backward(CodeBlock.Builder java, String gradIn, String gradOut) {
    String in = String.valueOf(this.in);
    String out = String.valueOf(this.out);
    if (stage.hasMask() || stage.biasOffset() >= 0) {
      java.addStatement("p.each($L, $L)", KernelCall.of(name(false, "mask_bias")).args(0, buffer(gradIn),
          buffer(stage.output()), "p.grads()", "p.batch()", "p.training()", "p.seed()", "p.step()"), out);
    }
    // dW = dZ^T x X: dZ^T as [out, image], X as [image, feature]
    Launches.packRows(java, Launches.Strided.transposed(buffer(gradIn), "0", out), "scratchA", out, "p.batch()");
    Launches.packColumns(java, Launches.Strided.matrix(buffer(stage.input()), "0", in), "scratchB", in,
        "p.batch()");
    Launches.gemmStore(java, "scratchA", "scratchB", out, in, "p.batch()", "p.grads()", weight(), in, "0");
    if (stage.needsInputGradient()) {
      // dX = dZ x W: dZ as [image, out], W as [out, feature], a block of feature columns at a time
      Launches.packRows(java, Launches.Strided.matrix(buffer(gradIn), "0", out), "scratchA", "p.batch()", out);
      java.addStatement("int columns = p.columnsPerPack($L, $L)", in, out);
      java.beginControlFlow("for (int n0 = 0; n0 < $L; n0 += columns)", in);
      java.addStatement("int count = $T.min(columns, $L - n0)", Math.class, in);
      Launches.packColumns(java, Launches.Strided.matrix("p.params()", weight() + " + n0", in), "scratchW", "count",
          out);
      Launches.gemmStore(java, "scratchA", "scratchW", "p.batch()", "count", out, buffer(gradOut), "n0", in, "0");
      java.endControlFlow();
    }
  }

  @Override
  public void scratch(ScratchSizes sizes) {
    sizes.need("scratchB", "Pass.strips(batch, t.tn()) * t.tn() * " + Names.longLiteral(in));
    if (stage.needsBackward()) {
      sizes.need("scratchA", "Pass.strips(" + out + ", t.tm()) * t.tm() * (long) batch");
      sizes.need("scratchB", "Pass.strips(" + in + ", t.tn()) * t.tn() * (long) batch");
    }
    if (stage.needsInputGradient()) {
      sizes.need("scratchA", "Pass.strips(batch, t.tm()) * t.tm() * " + Names.longLiteral(out));
      sizes.need("scratchW", "(long) Pass.columnsPerPack(t, " + in + ", " + out + ") * " + Names.longLiteral(out));
    }
  }
}
