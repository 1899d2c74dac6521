package netforge.processor.kernel;

import static netforge.processor.kernel.ScratchUse.BATCH;
import static netforge.processor.kernel.ScratchUse.fixed;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import netforge.processor.kernel.ScratchUse.Matrix;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeRules;

/**
 * Batch normalisation, PyTorch's {@code BatchNorm2d} over the {@code P} pixels of each channel of an image, and
 * {@code BatchNorm1d} over a vector's features ({@code P = 1}): {@code y = (x - mean) * inv * weight + bias} per
 * channel, {@code inv = 1 / sqrt(var + eps)}, then the epilogue.
 *
 * <p>Training takes {@code mean} and the biased {@code var} from the batch, in two reductions of their own, each
 * deterministic (every sum in a fixed order, no atomics): per image and channel, the mean of its {@code P} values
 * and the sum of squared deviations from that mean ({@code m2}, two passes over the values, so no cancellation);
 * then per channel, merged exactly by the law of total variance: {@code mean} is the mean of the image means, and
 * {@code m2 = sum(m2_n) + P * sum((mean_n - mean)^2)}. The merge also moves the running statistics,
 * {@code (1 - momentum) * running + momentum * batch} with the unbiased variance {@code m2 / (n - 1)}, and keeps
 * {@code mean} and {@code inv} for the backward pass. Evaluation reads the running statistics instead: a plain
 * per-channel affine map.
 *
 * <p>Backward, PyTorch's formula: with {@code dZ} the gradient through the epilogue and {@code xhat} the normalised
 * input, {@code dbias = sum(dZ)}, {@code dweight = sum(dZ * xhat)} (both again per image and channel, then merged
 * in order, straight into the flat gradient buffer), and
 * {@code dX = (dZ - dbias / n - xhat * dweight / n) * inv * weight}, {@code n = batch * P}.
 */
final class BatchNormKernels implements StageKernels {
  private final Stage stage;
  private final String prefix;
  private final Op.BatchNorm bn;
  private final int channels;
  private final long pixels;
  private final long runningMean;
  private final long runningVar;
  private final BufferName stats;
  private final Kernel partials, statistics, forward, gradientPartials, gradientSums, backward;

  /**
   * @param runningMean the offset of the stage's running mean in the state buffer; its running variance follows
   */
  BatchNormKernels(Stage stage, String prefix, long runningMean) {
    this.stage = stage;
    this.prefix = prefix;
    this.bn = (Op.BatchNorm) stage.reduction();
    this.channels = Math.toIntExact(ShapeRules.normalisedChannels(stage.in()));
    this.pixels = stage.in().size() / channels;
    this.runningMean = runningMean;
    this.runningVar = runningMean + channels;
    this.stats = BufferName.planned(String.format("bnStats%02d", stage.index()));
    partials = new Kernel(name(true, "batchnorm_partials"), Signatures.BATCH_NORM_PARTIALS);
    statistics = new Kernel(name(true, "batchnorm_statistics"), Signatures.BATCH_NORM_STATISTICS);
    forward = new Kernel(name(true, "batchnorm" + stage.epilogueSuffix()), Signatures.forStage(stage, Signatures.BATCH_NORM_FORWARD, true));
    gradientPartials = new Kernel(name(false, "batchnorm_partials"), Signatures.forStage(stage, Signatures.BATCH_NORM_GRADIENT_PARTIALS, false));
    gradientSums = new Kernel(name(false, "batchnorm_sums"), Signatures.BATCH_NORM_GRADIENT_SUMS);
    backward = new Kernel(name(false, "batchnorm_dx"), Signatures.BATCH_NORM_BACKWARD);
  }

  private String name(boolean forward, String what) {
    return prefix + "_" + stage.tag(forward) + "_" + what;
  }

  private long weight() {
    return stage.weightOffset();
  }

  private long bias() {
    return stage.biasOffset();
  }

  @Override
  public void openCl(ClSource cl) {
    cl.section("stage %d, %s: batch normalisation %s of %d channels, %d values per channel and image, eps %s, "
        + "momentum %s", stage.index(), bn.name(), stage.in().isSpatial() ? "2d" : "1d", channels, pixels,
        bn.eps(), bn.momentum());
    cl.blank();
    cl.line("// Per image and channel: the mean of its values and the sum of squared deviations from it (two passes,");
    cl.line("// so no cancellation), for the merge per channel.");
    cl.open("%s", partials.header());
    cl.line("const size_t i = get_global_id(0);  // image * %d + channel", channels);
    cl.line("if (i >= (size_t)batch * %d) return;", channels);
    cl.line("const __global real* v = x + i * %d;", pixels);
    cl.line("real sum = 0;");
    cl.line("for (int q = 0; q < %d; ++q) sum += v[q];", pixels);
    cl.line("const real mean = sum / (real)%d;", pixels);
    cl.line("real m2 = 0;");
    cl.open("for (int q = 0; q < %d; ++q) {", pixels);
    cl.line("const real d = v[q] - mean;");
    cl.line("m2 += d * d;");
    cl.close();
    cl.line("partials[2 * i] = mean;");
    cl.line("partials[2 * i + 1] = m2;");
    cl.close();
    cl.blank();
    cl.line("// Per channel, the images' partials merged in order: the batch's mean, and 1 / sqrt(biased variance + eps)");
    cl.line("// for the normalisation; the running statistics move towards the batch's, the variance unbiased.");
    cl.open("%s", statistics.header());
    cl.line("const int c = get_global_id(0);");
    cl.line("if (c >= %d) return;", channels);
    cl.line("real sum = 0;");
    cl.line("for (int n = 0; n < batch; ++n) sum += partials[2 * ((size_t)n * %d + c)];", channels);
    cl.line("const real mean = sum / (real)batch;");
    cl.line("real m2 = 0;");
    cl.open("for (int n = 0; n < batch; ++n) {");
    cl.line("const size_t at = 2 * ((size_t)n * %d + c);", channels);
    cl.line("const real d = partials[at] - mean;");
    cl.line("m2 += partials[at + 1] + (real)%d * d * d;", pixels);
    cl.close();
    cl.line("const real count = (real)batch * (real)%d;", pixels);
    cl.line("stats[c] = mean;");
    cl.line("stats[%d + c] = (real)1 / sqrt(m2 / count + (real)%s);", channels, Names.floatLiteral(bn.eps()));
    cl.line("state[%dL + c] = (real)%s * state[%dL + c] + (real)%s * mean;", runningMean,
        Names.floatLiteral(1 - bn.momentum()), runningMean, Names.floatLiteral(bn.momentum()));
    cl.line("state[%dL + c] = (real)%s * state[%dL + c] + (real)%s * (m2 / (count - (real)1));", runningVar,
        Names.floatLiteral(1 - bn.momentum()), runningVar, Names.floatLiteral(bn.momentum()));
    cl.close();
    cl.blank();
    cl.line("// y = (x - mean) * inv * weight + bias, by the batch's statistics in training, the running ones in");
    cl.line("// evaluation; then the epilogue.");
    cl.open("%s", forward.header());
    cl.line("const size_t o = get_global_id(0);");
    cl.line("if (o >= (size_t)count) return;");
    cl.line("const int c = o / %d %% %d;", pixels, channels);
    cl.line("const real mean = training ? stats[c] : state[%dL + c];", runningMean);
    cl.line("const real inv = training ? stats[%d + c] : (real)1 / sqrt(state[%dL + c] + (real)%s);", channels,
        runningVar, Names.floatLiteral(bn.eps()));
    cl.line("real y = (x[o] - mean) * inv * params[%dL + c] + params[%dL + c];", weight(), bias());
    Epilogue.forward(cl, stage);
    cl.line("out[o] = y;");
    cl.close();
    cl.blank();

    Epilogue.defineMask(cl, stage, prefix);
    cl.line("// dZ = mask(dY)%s; per image and channel, the sums of dZ and of dZ * xhat.",
        stage.hasMask() ? " in place" : "");
    cl.open("%s", gradientPartials.header());
    cl.line("const size_t i = get_global_id(0);  // image * %d + channel", channels);
    cl.line("if (i >= (size_t)batch * %d) return;", channels);
    cl.line("const int c = i %% %d;", channels);
    cl.line("const real mean = stats[c], inv = stats[%d + c];", channels);
    cl.line("real sum = 0, dot = 0;");
    cl.open("for (int q = 0; q < %d; ++q) {", pixels);
    cl.line("const size_t o = i * %d + q;", pixels);
    cl.line("const real g = %s;", Epilogue.masked(stage, prefix, "dy[o]", "y[o]", "o"));
    if (stage.hasMask()) {
      cl.line("dy[o] = g;");
    }
    cl.line("sum += g;");
    cl.line("dot += g * ((x[o] - mean) * inv);");
    cl.close();
    cl.line("partials[2 * i] = sum;");
    cl.line("partials[2 * i + 1] = dot;");
    cl.close();
    cl.blank();
    cl.line("// Per channel, the images' sums merged in order: dweight = sum(dZ * xhat), dbias = sum(dZ).");
    cl.open("%s", gradientSums.header());
    cl.line("const int c = get_global_id(0);");
    cl.line("if (c >= %d) return;", channels);
    cl.line("real sum = 0, dot = 0;");
    cl.open("for (int n = 0; n < batch; ++n) {");
    cl.line("const size_t at = 2 * ((size_t)n * %d + c);", channels);
    cl.line("sum += partials[at];");
    cl.line("dot += partials[at + 1];");
    cl.close();
    cl.line("grads[%dL + c] = dot;", weight());
    cl.line("grads[%dL + c] = sum;", bias());
    cl.close();
    cl.blank();
    if (!stage.needsInputGradient()) {
      return;
    }
    cl.line("// dX = (dZ - dbias / n - xhat * dweight / n) * inv * weight, n = batch * %d values per channel.", pixels);
    cl.open("%s", backward.header());
    cl.line("const size_t o = get_global_id(0);");
    cl.line("if (o >= (size_t)count) return;");
    cl.line("const int c = o / %d %% %d;", pixels, channels);
    cl.line("const real n = (real)batch * (real)%d;", pixels);
    cl.line("const real inv = stats[%d + c];", channels);
    cl.line("const real xhat = (x[o] - stats[c]) * inv;");
    cl.line("dx[o] = (dy[o] - grads[%dL + c] / n - xhat * (grads[%dL + c] / n)) * inv * params[%dL + c];", bias(),
        weight(), weight());
    cl.close();
    cl.blank();
  }

  @Override
  public void preconditions(CodeBlock.Builder java) {
    if (pixels == 1) {
      java.addStatement("p.requireTwoValuesPerChannel($S)", bn.name());
    }
  }

  @Override
  public void forward(CodeBlock.Builder java, ArgumentClasses classes) {
    long count = stage.in().size();
    java.beginControlFlow("if (p.training() != 0)");
    java.addStatement("p.each($L, (long) p.batch() * $L)", partials.launch().bind("x", stage.input())
        .bind("partials", Scratch.C).bind("batch", "p.batch()").code(classes), channels);
    java.addStatement("p.each($L, $L)", statistics.launch().bind("partials", Scratch.C).bind("stats", stats)
        .bind("state", "p.state()").bind("batch", "p.batch()").code(classes), channels);
    java.endControlFlow();
    java.addStatement("p.each($L, (long) p.batch() * $L)", forward.launch().bind("x", stage.input())
        .bind("out", stage.output()).bind("params", Launches.PARAMS).bind("stats", stats).bind("state", "p.state()")
        .bind("count", "(long) p.batch() * " + count).bindDropoutKey().bindPreActivation(stage).code(classes), count);
  }

  @Override
  public void backward(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn, BufferName gradOut) {
    java.addStatement("p.each($L, (long) p.batch() * $L)", gradientPartials.launch().bind("dy", gradIn)
        .bind("y", stage.output()).bind("x", stage.input()).bind("stats", stats).bind("partials", Scratch.C)
        .bind("batch", "p.batch()").bindDropoutKey().bindPreActivation(stage).code(classes), channels);
    java.addStatement("p.each($L, $L)", gradientSums.launch().bind("partials", Scratch.C)
        .bind("grads", Launches.GRADS).bind("batch", "p.batch()").code(classes), channels);
    if (stage.needsInputGradient()) {
      long count = stage.in().size();
      java.addStatement("p.each($L, (long) p.batch() * $L)", backward.launch().bind("dy", gradIn)
          .bind("x", stage.input()).bind("params", Launches.PARAMS).bind("stats", stats)
          .bind("grads", Launches.GRADS).bind("dx", gradOut).bind("count", "(long) p.batch() * " + count)
          .bind("batch", "p.batch()").code(classes), count);
    }
  }

  @Override
  public void scratch(ScratchSizes sizes) {
    // two partial values per image and channel, in the forward pass and again in the backward
    sizes.need(Scratch.C, new Matrix(BATCH, fixed(2L * channels)));
  }

  @Override
  public List<PlannedBuffer> ownBuffers() {
    // the batch's mean and inv per channel, from the forward pass to the backward
    return List.of(new PlannedBuffer(stats, new PlannedBuffer.Fixed(2L * channels)));
  }
}
