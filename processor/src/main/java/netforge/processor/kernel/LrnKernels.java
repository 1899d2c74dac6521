package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import netforge.processor.model.Op;

/**
 * Local response normalisation across channels, PyTorch's formula:
 * {@code y_c = x_c * s_c^-beta}, {@code s_c = k + alpha / size * sum(x_j^2)} over {@code j} from
 * {@code c - size/2} to {@code c + (size-1)/2}. Backward, per element:
 * {@code dx_c = g_c * s_c^-beta - 2 alpha beta / size * x_c * sum(g_j x_j s_j^(-beta-1))} over the {@code j}
 * whose windows hold {@code c}; {@code s_j} is recomputed rather than stored.
 */
final class LrnKernels implements StageKernels {
  private final Stage stage;
  private final String prefix;
  private final Op.Lrn lrn;
  private final int c, h, w;
  private final Kernel forward, backward;

  LrnKernels(Stage stage, String prefix) {
    this.stage = stage;
    this.prefix = prefix;
    this.lrn = (Op.Lrn) stage.reduction();
    c = stage.in().channels();
    h = stage.in().height();
    w = stage.in().width();
    forward = new Kernel(name(stage.tag(true) + "_lrn" + stage.epilogueSuffix()),
        Signatures.forStage(stage, Signatures.POINTWISE_FORWARD, true));
    backward = new Kernel(name(stage.tag(false) + "_lrn"), Signatures.forStage(stage, Signatures.LRN_BACKWARD, false));
  }

  private String name(String what) {
    return prefix + "_" + what;
  }

  private String scaleFunction() {
    return name(stage.tag(true) + "_lrn_scale");
  }

  @Override
  public void openCl(ClSource cl) {
    long plane = (long) h * w;
    cl.section("stage %d, %s: LRN over %d channels of %dx%d, size %d, alpha %s, beta %s, k %s", stage.index(),
        stage.layer(), c, h, w, lrn.size(), lrn.alpha(), lrn.beta(), lrn.k());
    cl.blank();
    cl.line("// s = k + alpha / size * (sum of squares over the channel window of channel ch)");
    cl.open("static inline real %s(const __global real* restrict x, const size_t image, const int ch, "
        + "const size_t pixel) {", scaleFunction());
    cl.line("real sum = 0;");
    cl.open("for (int j = max(0, ch - %d); j <= min(%d, ch + %d); ++j) {", lrn.size() / 2, c - 1, (lrn.size() - 1) / 2);
    cl.line("const real v = x[(image * %d + j) * %d + pixel];", c, plane);
    cl.line("sum += v * v;");
    cl.close();
    cl.line("return (real)%s + (real)%s * sum;", Names.floatLiteral(lrn.k()), Names.floatLiteral(lrn.alpha() / lrn.size()));
    cl.close();
    cl.blank();
    cl.open("%s", forward.header());
    cl.line("const size_t o = get_global_id(0);");
    cl.line("if (o >= (size_t)count) return;");
    cl.line("const size_t image = o / %d;", c * plane);
    cl.line("const int ch = o %% %d / %d;", c * plane, plane);
    cl.line("const size_t pixel = o %% %d;", plane);
    cl.line("real y = x[o] * pow(%s(x, image, ch, pixel), (real)%s);", scaleFunction(), Names.floatLiteral(-lrn.beta()));
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
    cl.line("const size_t image = e / %d;", c * plane);
    cl.line("const int ch = e %% %d / %d;", c * plane, plane);
    cl.line("const size_t pixel = e %% %d;", plane);
    cl.line("const real g = %s;", Epilogue.masked(stage, prefix, "dy[e]", "y[e]", "e"));
    cl.line("real cross = 0;");
    cl.open("for (int j = max(0, ch - %d); j <= min(%d, ch + %d); ++j) {", (lrn.size() - 1) / 2, c - 1,
        lrn.size() / 2);
    cl.line("const size_t o = (image * %d + j) * %d + pixel;", c, plane);
    cl.line("const real gj = %s;", Epilogue.masked(stage, prefix, "dy[o]", "y[o]", "o"));
    cl.line("cross += gj * x[o] * pow(%s(x, image, j, pixel), (real)%s);", scaleFunction(), Names.floatLiteral(-lrn.beta() - 1));
    cl.close();
    cl.line("dx[e] = g * pow(%s(x, image, ch, pixel), (real)%s) - (real)%s * x[e] * cross;", scaleFunction(),
        Names.floatLiteral(-lrn.beta()), Names.floatLiteral(2 * lrn.alpha() * lrn.beta() / lrn.size()));
    cl.close();
    cl.blank();
  }

  @Override
  public void forward(CodeBlock.Builder java, ArgumentClasses classes) {
    long count = (long) c * h * w;
    java.addStatement("p.each($L, (long) p.batch() * $L)", forward.launch().bind("x", stage.input())
        .bind("out", stage.output()).bind("count", "(long) p.batch() * " + count).bindDropoutKey()
        .bindPreActivation(stage).code(classes), count);
  }

  @Override
  public void backward(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn, BufferName gradOut) {
    long count = (long) c * h * w;
    java.addStatement("p.each($L, (long) p.batch() * $L)", backward.launch().bind("dy", gradIn)
        .bind("y", stage.output()).bind("x", stage.input()).bind("dx", gradOut)
        .bind("count", "(long) p.batch() * " + count).bindDropoutKey().bindPreActivation(stage).code(classes), count);
  }

  @Override
  public void scratch(ScratchSizes sizes) {}
}
