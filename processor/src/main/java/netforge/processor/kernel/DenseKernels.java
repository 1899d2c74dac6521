package netforge.processor.kernel;

import static netforge.processor.kernel.ScratchUse.BATCH;
import static netforge.processor.kernel.ScratchUse.fixed;

import com.palantir.javapoet.CodeBlock;
import netforge.processor.kernel.ScratchUse.ColumnBlock;
import netforge.processor.kernel.ScratchUse.ColumnStrips;
import netforge.processor.kernel.ScratchUse.RowStrips;
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
  private final Kernel gemm;
  private final MaskBias maskBias;

  DenseKernels(Stage stage, String prefix) {
    this.stage = stage;
    this.prefix = prefix;
    this.in = stage.in().size();
    this.out = ((Op.Dense) stage.reduction()).out();
    gemm = new Kernel(name(true, "dense" + (stage.biasOffset() >= 0 ? "_bias" : "") + stage.epilogueSuffix()),
        Signatures.forStage(stage, Signatures.DENSE_GEMM, true));
    maskBias = new MaskBias(stage, prefix, out, 1);
  }

  private String name(boolean forward, String what) {
    return prefix + "_" + stage.tag(forward) + "_" + what;
  }

  private String weight() {
    return Names.longLiteral(stage.weightOffset());
  }

  @Override
  public void openCl(ClSource cl) {
    cl.section("stage %d, %s: dense %d -> %d", stage.index(), stage.layer(), in, out);
    cl.blank();
    Gemm.render(cl, gemm, "Y^T = W x X^T + bias, W read in place, then the epilogue; stored as Y[image, out]",
        Gemm.weightsInPlace(stage.weightOffset(), in), e -> {
          e.line("const size_t o = (size_t)n * %d + m;", out);
          e.line(stage.biasOffset() >= 0 ? "real y = v + params[%dL + m];" : "real y = v;", stage.biasOffset());
          Epilogue.forward(e, stage);
          e.line("out[o] = y;");
        }, null);
    if (!stage.needsBackward()) {
      return;
    }
    Epilogue.defineMask(cl, stage, prefix);
    maskBias.openCl(cl);
  }

  /**
   * Forward as {@code Y^T = W x X^T}: the weights are the A operand, read in place, and the batch is N, so the
   * large operand streams once while the small one stays in cache.
   */
  @Override
  public void forward(CodeBlock.Builder java, ArgumentClasses classes) {
    String in = String.valueOf(this.in);
    Launches.packColumns(java, classes, Launches.Strided.transposed(stage.input().read(), "0", in), Scratch.B,
        "p.batch()", in);
    java.addStatement("p.gemm($L, $L, p.batch(), $L)", gemm.launch().bind("ap", Launches.PARAMS)
        .bind("bp", Scratch.B).bind("out", stage.output()).bind("params", Launches.PARAMS).bindDropoutKey()
        .bindPreActivation(stage).code(classes), out, in);
  }

  @Override
  public void backward(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn, BufferName gradOut) {
    String in = String.valueOf(this.in);
    String out = String.valueOf(this.out);
    maskBias.launch(java, classes, gradIn);
    // dW = dZ^T x X: dZ^T as [out, image], X as [image, feature]
    Launches.packRows(java, classes, Launches.Strided.transposed(gradIn.read(), "0", out), Scratch.A, out,
        "p.batch()");
    Launches.packColumns(java, classes, Launches.Strided.matrix(stage.input().read(), "0", in), Scratch.B, in,
        "p.batch()");
    Launches.gemmStore(java, classes, Scratch.A, Scratch.B, out, in, "p.batch()", Launches.GRADS, weight(), in,
        "0");
    if (stage.needsInputGradient()) {
      // dX = dZ x W: dZ as [image, out], W as [out, feature], a block of feature columns at a time
      Launches.packRows(java, classes, Launches.Strided.matrix(gradIn.read(), "0", out), Scratch.A, "p.batch()",
          out);
      java.addStatement("int columns = p.columnsPerPack($L, $L)", in, out);
      java.beginControlFlow("for (int n0 = 0; n0 < $L; n0 += columns)", in);
      java.addStatement("int count = $T.min(columns, $L - n0)", Math.class, in);
      Launches.packColumns(java, classes, Launches.Strided.matrix(Launches.PARAMS, weight() + " + n0", in),
          Scratch.W, "count", out);
      Launches.gemmStore(java, classes, Scratch.A, Scratch.W, "p.batch()", "count", out, gradOut.read(), "n0", in,
          "0");
      java.endControlFlow();
    }
  }

  @Override
  public void scratch(ScratchSizes sizes) {
    sizes.need(Scratch.B, new ColumnStrips(BATCH, fixed(in)));
    if (stage.needsBackward()) {
      sizes.need(Scratch.A, new RowStrips(fixed(out), BATCH));
      sizes.need(Scratch.B, new ColumnStrips(fixed(in), BATCH));
    }
    if (stage.needsInputGradient()) {
      sizes.need(Scratch.A, new RowStrips(BATCH, fixed(out)));
      sizes.need(Scratch.W, new ColumnBlock(in, out));
    }
  }
}
