package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import netforge.processor.model.Op;

/**
 * A dense layer as GEMMs. Forward: {@code Y[batch, out] = X[batch, in] * W^T + bias}, epilogue fused. Backward:
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
    Gemm.render(cl, gemmName(), "Y = X x W^T + bias, then the epilogue",
        "__global real* restrict out, const __global real* restrict params, const int training, const ulong seed, "
            + "const uint step", e -> {
          e.line("const size_t o = (size_t)m * %d + n;", out);
          e.line(stage.biasOffset() >= 0 ? "real y = v + params[%dL + n];" : "real y = v;", stage.biasOffset());
          Epilogue.forward(e, stage);
          e.line("out[o] = y;");
        });
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
    return "p.buffer(\"" + name + "\")";
  }

  @Override
  public void forward(CodeBlock.Builder java) {
    String in = String.valueOf(this.in);
    String out = String.valueOf(this.out);
    Launches.packRows(java, Launches.Strided.matrix(buffer(stage.input()), "0", in), "scratchA", "p.batch()", in);
    Launches.packColumns(java, Launches.Strided.transposed("p.params()", weight(), in), "scratchW", out, in);
    java.addStatement("p.gemm(p.kernel($S).set(0, p.buffer(\"scratchA\")).set(1, p.buffer(\"scratchW\"))"
        + ".set(2, p.batch()).set(3, $L).set(4, $L).set(5, p.buffer($S)).set(6, p.params()).set(7, p.training())"
        + ".set(8, p.seed()).set(9, p.step()), Pass.strips(p.batch(), p.tm()), Pass.strips($L, p.tn()))",
        gemmName(), out, in, stage.output(), out);
  }

  @Override
  public void backward(CodeBlock.Builder java, String gradIn, String gradOut) {
    String in = String.valueOf(this.in);
    String out = String.valueOf(this.out);
    if (stage.hasMask() || stage.biasOffset() >= 0) {
      java.addStatement("p.each(p.kernel($S).set(0, p.buffer($S)).set(1, p.buffer($S)).set(2, p.grads())"
          + ".set(3, p.batch()).set(4, p.training()).set(5, p.seed()).set(6, p.step()), $L)",
          name(false, "mask_bias"), gradIn, stage.output(), out);
    }
    // dW = dZ^T x X: dZ^T as [out, image], X as [image, feature]
    Launches.packRows(java, Launches.Strided.transposed(buffer(gradIn), "0", out), "scratchA", out, "p.batch()");
    Launches.packColumns(java, Launches.Strided.matrix(buffer(stage.input()), "0", in), "scratchB", in,
        "p.batch()");
    Launches.gemmStore(java, "scratchA", "scratchB", out, in, "p.batch()", "p.grads()", weight(), in, "0");
    if (stage.needsInputGradient()) {
      // dX = dZ x W: dZ as [image, out], W as [out, feature]
      Launches.packRows(java, Launches.Strided.matrix(buffer(gradIn), "0", out), "scratchA", "p.batch()", out);
      Launches.packColumns(java, Launches.Strided.matrix("p.params()", weight(), in), "scratchW", in, out);
      Launches.gemmStore(java, "scratchA", "scratchW", "p.batch()", in, out, buffer(gradOut), "0", in, "0");
    }
  }

  @Override
  public void scratch(ScratchSizes sizes) {
    sizes.need("scratchA", "Pass.strips(batch, t.tm()) * t.tm() * " + Names.longLiteral(in));
    sizes.need("scratchW", "Pass.strips(" + out + ", t.tn()) * t.tn() * " + Names.longLiteral(in));
    if (stage.needsBackward()) {
      sizes.need("scratchA", "Pass.strips(" + out + ", t.tm()) * t.tm() * (long) batch");
      sizes.need("scratchB", "Pass.strips(" + in + ", t.tn()) * t.tn() * (long) batch");
    }
    if (stage.needsInputGradient()) {
      sizes.need("scratchA", "Pass.strips(batch, t.tm()) * t.tm() * " + Names.longLiteral(out));
      sizes.need("scratchW", "Pass.strips(" + in + ", t.tn()) * t.tn() * " + Names.longLiteral(out));
    }
  }
}
