package netforge.processor.kernel;

import static netforge.processor.kernel.ClType.INT;
import static netforge.processor.kernel.ClType.LONG;
import static netforge.processor.kernel.ClType.READ_REALS;
import static netforge.processor.kernel.ClType.WRITE_REALS;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import netforge.processor.model.Op;

/**
 * A join stage: the element-wise sum of its inputs ({@code @Add}; with one input, the copy that lets an elementwise
 * step apply to an output other layers also read), or their concatenation along the channels ({@code @Concat}), with
 * the epilogue fused. One work-item per output element forward; backward, one per input element, masking the
 * incoming gradient through the epilogue and adding it into the input's gradient buffer or overwriting it, as
 * {@link InputGradient} says: this stage sums gradients itself, so a branch point costs no extra pass.
 */
final class JoinKernels implements StageKernels {
  /** Backward of either join: {@code dx[e] = (accumulate ? dx[e] : 0) + mask(dy[o])} over a block of the output. */
  private static final KernelSignature BACKWARD = KernelSignature.of("JoinBackward", Launcher.EACH,
      withDropoutKey(p("dy", READ_REALS), p("y", READ_REALS), p("dx", WRITE_REALS), p("count", LONG),
          p("block", INT), p("row", INT), p("offset", INT), p("accumulate", INT)));
  /** One input of a concatenation copied into its block of every image's output. */
  private static final KernelSignature CONCAT_FORWARD = KernelSignature.of("ConcatForward", Launcher.EACH,
      withDropoutKey(p("x", READ_REALS), p("out", WRITE_REALS), p("count", LONG), p("block", INT), p("row", INT),
          p("offset", INT)));

  private final Stage stage;
  private final String prefix;
  private final boolean concat;
  private final Kernel forward;
  private final Kernel backward;

  JoinKernels(Stage stage, String prefix) {
    this.stage = stage;
    this.prefix = prefix;
    this.concat = stage.reduction() instanceof Op.Concat;
    String what = concat ? "concat" : stage.inputs().size() == 1 ? "copy" : "add";
    forward = new Kernel(prefix + "_" + stage.tag(true) + "_" + what + stage.epilogueSuffix(),
        Signatures.forStage(stage, concat ? CONCAT_FORWARD : addForward(stage.inputs().size()), true));
    backward = new Kernel(prefix + "_" + stage.tag(false) + "_" + what, Signatures.forStage(stage, BACKWARD, false));
  }

  /** The sum of {@code n} inputs {@code x0 .. x<n-1>}, one signature per arity. */
  private static KernelSignature addForward(int n) {
    List<KernelParameter> parameters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parameters.add(p("x" + i, READ_REALS));
    }
    parameters.add(p("out", WRITE_REALS));
    parameters.add(p("count", LONG));
    return KernelSignature.of("Add" + n + "Forward", Launcher.EACH,
        withDropoutKey(parameters.toArray(KernelParameter[]::new)));
  }

  @Override
  public void openCl(ClSource cl) {
    cl.section("stage %d, %s: %s of %d inputs -> %s", stage.index(), stage.layer(),
        concat ? "concatenation" : "sum", stage.inputs().size(), stage.out());
    cl.blank();
    cl.open("%s", forward.header());
    if (concat) {
      cl.line("const size_t e = get_global_id(0);");
      cl.line("if (e >= (size_t)count) return;");
      cl.line("const size_t o = e / block * row + offset + e % block;");
      cl.line("real y = x[e];");
    } else {
      cl.line("const size_t o = get_global_id(0);");
      cl.line("if (o >= (size_t)count) return;");
      StringBuilder sum = new StringBuilder("x0[o]");
      for (int i = 1; i < stage.inputs().size(); i++) {
        sum.append(" + x").append(i).append("[o]");
      }
      cl.line("real y = %s;", sum);
    }
    Epilogue.forward(cl, stage);
    cl.line("out[o] = y;");
    cl.close();
    cl.blank();
    if (!stage.needsInputGradient()) {
      return;
    }
    Epilogue.defineMask(cl, stage, prefix);
    cl.line("// The gradient of one input: its block of the output's gradient, through the epilogue; added to what");
    cl.line("// the input's other readers wrote when accumulate is set.");
    cl.open("%s", backward.header());
    cl.line("const size_t e = get_global_id(0);");
    cl.line("if (e >= (size_t)count) return;");
    cl.line("const size_t o = e / block * row + offset + e % block;");
    cl.line("const real g = %s;", Epilogue.masked(stage, prefix, "dy[o]", "y[o]", "o"));
    cl.line("dx[e] = accumulate ? dx[e] + g : g;");
    cl.close();
    cl.blank();
  }

  @Override
  public void forward(CodeBlock.Builder java, ArgumentClasses classes) {
    long row = stage.out().size();
    if (!concat) {
      KernelLaunch launch = forward.launch();
      for (int i = 0; i < stage.inputs().size(); i++) {
        launch.bind("x" + i, stage.inputs().get(i).buffer());
      }
      java.addStatement("p.each($L, (long) p.batch() * $L)", launch.bind("out", stage.output())
          .bind("count", "(long) p.batch() * " + row).bindDropoutKey().bindPreActivation(stage).code(classes), row);
      return;
    }
    long offset = 0;
    for (StageInput input : stage.inputs()) {
      long block = input.shape().size();
      java.addStatement("p.each($L, (long) p.batch() * $L)", forward.launch().bind("x", input.buffer())
          .bind("out", stage.output()).bind("count", "(long) p.batch() * " + block)
          .bind("block", String.valueOf(block)).bind("row", String.valueOf(row))
          .bind("offset", String.valueOf(offset)).bindDropoutKey().bindPreActivation(stage).code(classes), block);
      offset += block;
    }
  }

  @Override
  public boolean addsToInputGradients() {
    return true;
  }

  @Override
  public void backward(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn, BufferName gradOut) {
    throw new UnsupportedOperationException(stage.layer() + ": a join's backward needs every input's gradient");
  }

  @Override
  public void backward(CodeBlock.Builder java, ArgumentClasses classes, BackwardStep step) {
    long row = stage.out().size();
    long offset = 0;
    for (int i = 0; i < stage.inputs().size(); i++) {
      long block = stage.inputs().get(i).shape().size();
      InputGradient target = step.targets().get(i);
      if (target != null) {
        java.addStatement("p.each($L, (long) p.batch() * $L)", backward.launch().bind("dy", step.gradIn())
            .bind("y", stage.output()).bind("dx", target.buffer()).bind("count", "(long) p.batch() * " + block)
            .bind("block", String.valueOf(block)).bind("row", String.valueOf(row))
            .bind("offset", String.valueOf(concat ? offset : 0)).bind("accumulate", target.accumulate() ? "1" : "0")
            .bindDropoutKey().bindPreActivation(stage).code(classes), block);
      }
      offset += block;
    }
  }

  @Override
  public void scratch(ScratchSizes sizes) {}

  private static List<KernelParameter> withDropoutKey(KernelParameter... first) {
    List<KernelParameter> all = new ArrayList<>(List.of(first));
    all.add(p("training", ClType.INT));
    all.add(p("seed", ClType.ULONG));
    all.add(p("step", ClType.UINT));
    return all;
  }

  private static KernelParameter p(String name, ClType type) {
    return new KernelParameter(name, type);
  }
}
