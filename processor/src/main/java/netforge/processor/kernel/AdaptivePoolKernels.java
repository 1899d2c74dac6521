package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;

/**
 * Adaptive average pooling with PyTorch's windows: output row {@code i} averages input rows
 * {@code floor(i * H / OH)} to {@code ceil((i + 1) * H / OH) - 1}. Backward gathers over the windows covering
 * each input pixel, dividing by each window's own size.
 */
final class AdaptivePoolKernels implements StageKernels {
  private final Stage stage;
  private final String prefix;
  private final int c, h, w, oh, ow;
  private final Kernel forward, backward;

  AdaptivePoolKernels(Stage stage, String prefix) {
    this.stage = stage;
    this.prefix = prefix;
    c = stage.in().channels();
    h = stage.in().height();
    w = stage.in().width();
    oh = stage.out().height();
    ow = stage.out().width();
    forward = new Kernel(name(true), Signatures.forStage(stage, Signatures.POINTWISE_FORWARD, true));
    backward = new Kernel(name(false), Signatures.forStage(stage, Signatures.GATHER_BACKWARD, false));
  }

  private String name(boolean forward) {
    return prefix + "_" + stage.tag(forward) + "_adaptive_avgpool" + (forward ? stage.epilogueSuffix() : "");
  }

  @Override
  public void openCl(ClSource cl) {
    cl.section("stage %d, %s: adaptive average pooling [%d, %d, %d] -> [%d, %d, %d]", stage.index(),
        stage.layer(), c, h, w, c, oh, ow);
    cl.blank();
    cl.open("%s", forward.header());
    cl.line("const size_t o = get_global_id(0);");
    cl.line("if (o >= (size_t)count) return;");
    cl.line("const size_t plane = o / %d;", (long) oh * ow);
    cl.line("const int i = o %% %d / %d;", (long) oh * ow, ow);
    cl.line("const int j = o %% %d;", ow);
    cl.line("const int h0 = i * %d / %d, h1 = ((i + 1) * %d + %d) / %d;", h, oh, h, oh - 1, oh);
    cl.line("const int w0 = j * %d / %d, w1 = ((j + 1) * %d + %d) / %d;", w, ow, w, ow - 1, ow);
    cl.line("const __global real* xp = x + plane * %d;", (long) h * w);
    cl.line("real sum = 0;");
    cl.line("for (int ih = h0; ih < h1; ++ih)");
    cl.line("  for (int iw = w0; iw < w1; ++iw) sum += xp[ih * %d + iw];", w);
    cl.line("real y = sum / (real)((h1 - h0) * (w1 - w0));");
    Epilogue.forward(cl, stage);
    cl.line("out[o] = y;");
    cl.close();
    cl.blank();
    if (!stage.needsInputGradient()) {
      return;
    }
    Epilogue.defineMask(cl, stage, prefix);
    cl.open("%s", backward.header());
    cl.line("const size_t e = get_global_id(0);");
    cl.line("if (e >= (size_t)count) return;");
    cl.line("const size_t plane = e / %d;", (long) h * w);
    cl.line("const int ih = e %% %d / %d;", (long) h * w, w);
    cl.line("const int iw = e %% %d;", w);
    cl.line("real g = 0;");
    cl.open("for (int i = 0; i < %d; ++i) {", oh);
    cl.line("const int h0 = i * %d / %d, h1 = ((i + 1) * %d + %d) / %d;", h, oh, h, oh - 1, oh);
    cl.line("if (ih < h0 || ih >= h1) continue;");
    cl.open("for (int j = 0; j < %d; ++j) {", ow);
    cl.line("const int w0 = j * %d / %d, w1 = ((j + 1) * %d + %d) / %d;", w, ow, w, ow - 1, ow);
    cl.line("if (iw < w0 || iw >= w1) continue;");
    cl.line("const size_t o = plane * %d + i * %d + j;", (long) oh * ow, ow);
    cl.line("g += %s / (real)((h1 - h0) * (w1 - w0));", Epilogue.masked(stage, prefix, "dy[o]", "y[o]", "o"));
    cl.close();
    cl.close();
    cl.line("dx[e] = g;");
    cl.close();
    cl.blank();
  }

  @Override
  public void forward(CodeBlock.Builder java, ArgumentClasses classes) {
    long count = (long) c * oh * ow;
    java.addStatement("p.each($L, (long) p.batch() * $L)", forward.launch().bind("x", stage.input())
        .bind("out", stage.output()).bind("count", "(long) p.batch() * " + count).bindDropoutKey()
        .bindPreActivation(stage).code(classes), count);
  }

  @Override
  public void backward(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn, BufferName gradOut) {
    long count = (long) c * h * w;
    java.addStatement("p.each($L, (long) p.batch() * $L)", backward.launch().bind("dy", gradIn)
        .bind("y", stage.output()).bind("dx", gradOut).bind("count", "(long) p.batch() * " + count)
        .bindDropoutKey().bindPreActivation(stage).code(classes), count);
  }

  @Override
  public void scratch(ScratchSizes sizes) {}
}
