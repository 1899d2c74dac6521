package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;

/**
 * Softmax and cross-entropy in one kernel, one work-item per image, as {@code nn.CrossEntropyLoss} with its mean
 * over the batch: writes each image's loss and predicted class (for the host to sum) and the gradient of the
 * mean loss with respect to the logits, {@code (softmax - onehot) / batch}.
 */
public final class LossKernels {
  private final int classes;
  private final BufferName logits;
  private final Kernel kernel;

  LossKernels(String prefix, int classes, BufferName logits) {
    this.classes = classes;
    this.logits = logits;
    this.kernel = new Kernel(prefix + "_softmax_cross_entropy", Signatures.LOSS);
  }

  void openCl(ClSource cl) {
    cl.section("loss: softmax + cross-entropy over %d classes, mean over the batch", classes);
    cl.blank();
    cl.open("%s", kernel.header());
    cl.line("const int n = get_global_id(0);");
    cl.line("if (n >= batch) return;");
    cl.line("const __global real* z = logits + (size_t)n * %d;", classes);
    cl.line("real top = z[0];");
    cl.line("int best = 0;");
    cl.open("for (int c = 1; c < %d; ++c) {", classes);
    cl.open("if (z[c] > top) {");
    cl.line("top = z[c];");
    cl.line("best = c;");
    cl.close();
    cl.close();
    cl.line("real sum = 0;");
    cl.line("for (int c = 0; c < %d; ++c) sum += exp(z[c] - top);", classes);
    cl.line("const real lse = top + log(sum);");
    cl.line("const int label = labels[n];");
    cl.line("row_loss[n] = lse - z[label];");
    cl.line("row_pred[n] = best;");
    cl.line("for (int c = 0; c < %d; ++c)", classes);
    cl.line("  dlogits[(size_t)n * %d + c] = (exp(z[c] - lse) - (c == label ? (real)1 : (real)0)) / (real)batch;",
        classes);
    cl.close();
    cl.blank();
  }

  /** Launches the loss kernel: reads the logits and labels, writes the gradient of the logits to {@code gradient}. */
  public void launch(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradient) {
    java.addStatement("p.each($L, p.batch())", kernel.launch().bind("logits", logits)
        .bind("labels", BufferName.LABELS).bind("dlogits", gradient).bind("row_loss", BufferName.ROW_LOSS)
        .bind("row_pred", BufferName.ROW_PRED).bind("batch", "p.batch()").code(classes));
  }
}
