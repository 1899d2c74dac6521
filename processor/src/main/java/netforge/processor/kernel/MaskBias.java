package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;

/**
 * The first backward kernel of a convolution or a dense stage: {@code dZ = mask(dY)} in place (the backward of the
 * fused epilogue), and the bias gradient, the sum of dZ over the batch and, for a convolution, over each channel's
 * pixels. One work-item per channel (per output unit of a dense layer); the stage needs it only when it has an
 * epilogue to undo or a bias to sum.
 */
final class MaskBias {
  private final Stage stage;
  private final String prefix;
  private final Kernel kernel;
  private final int channels;
  private final long pixels;

  /**
   * @param channels the channels of a convolution's output, the units of a dense layer's
   * @param pixels the values per channel and image: {@code oh * ow} for a convolution, 1 for a dense layer
   */
  MaskBias(Stage stage, String prefix, int channels, long pixels) {
    this.stage = stage;
    this.prefix = prefix;
    this.channels = channels;
    this.pixels = pixels;
    kernel = new Kernel(prefix + "_" + stage.tag(false) + "_mask_bias", Signatures.forStage(stage, Signatures.MASK_BIAS,
        false));
  }

  private boolean needed() {
    return stage.hasMask() || stage.biasOffset() >= 0;
  }

  void openCl(ClSource cl) {
    if (!needed()) {
      return;
    }
    cl.line("// dZ = mask(dY) in place, and the bias gradient: the sum of dZ over %s",
        pixels == 1 ? "the batch" : "images and pixels");
    cl.open("%s", kernel.header());
    cl.line("const int c = get_global_id(0);");
    cl.line("if (c >= %d) return;", channels);
    cl.line("real total = 0;");
    cl.open("for (int n = 0; n < batch; ++n) {");
    if (pixels == 1) {
      cl.line("const size_t o = (size_t)n * %d + c;", channels);
      maskAndAdd(cl, "total");
    } else {
      cl.line("const size_t base = ((size_t)n * %d + c) * %d;", channels, pixels);
      cl.line("real partial = 0;");
      cl.open("for (int q = 0; q < %d; ++q) {", pixels);
      cl.line("const size_t o = base + q;");
      maskAndAdd(cl, "partial");
      cl.close();
      cl.line("total += partial;");
    }
    cl.close();
    if (stage.biasOffset() >= 0) {
      cl.line("grads[%dL + c] = total;", stage.biasOffset());
    }
    cl.close();
    cl.blank();
  }

  /** The masked gradient at {@code o}, stored back when there is a mask, and added to {@code sum}. */
  private void maskAndAdd(ClSource cl, String sum) {
    cl.line("const real g = %s;", Epilogue.masked(stage, prefix, "dy[o]", "y[o]", "o"));
    if (stage.hasMask()) {
      cl.line("dy[o] = g;");
    }
    cl.line("%s += g;", sum);
  }

  /** Launches it over the channels, on the incoming gradient {@code gradIn} and the stage's stored output. */
  void launch(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn) {
    if (!needed()) {
      return;
    }
    java.addStatement("p.each($L, $L)", kernel.launch().bind("dy", gradIn).bind("y", stage.output())
        .bind("grads", Launches.GRADS).bind("batch", "p.batch()").bindDropoutKey().bindPreActivation(stage)
        .code(classes), channels);
  }
}
