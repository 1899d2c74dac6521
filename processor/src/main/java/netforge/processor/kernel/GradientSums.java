package netforge.processor.kernel;

import static netforge.processor.kernel.ClType.LONG;
import static netforge.processor.kernel.ClType.READ_REALS;
import static netforge.processor.kernel.ClType.WRITE_REALS;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * {@code dst += src}: adds the gradient a stage wrote to a free buffer into the gradient of an input that another
 * reader wrote first, for the stages whose kernels can only overwrite ({@link BackwardStep#sums()}). Only programs
 * of networks with such a branch point have it.
 */
public final class GradientSums {
  private static final KernelSignature SIGNATURE = KernelSignature.of("GradientSum", Launcher.EACH, List.of(
      new KernelParameter("src", READ_REALS), new KernelParameter("dst", WRITE_REALS),
      new KernelParameter("count", LONG)));

  private final Kernel kernel;

  GradientSums(String prefix) {
    kernel = new Kernel(prefix + "_gradient_sum", SIGNATURE);
  }

  void openCl(ClSource cl) {
    cl.section("gradient sums: an output read by several layers gets the sum of their gradients");
    cl.blank();
    cl.open("%s", kernel.header());
    cl.line("const size_t e = get_global_id(0);");
    cl.line("if (e < (size_t)count) dst[e] += src[e];");
    cl.close();
    cl.blank();
  }

  void launch(CodeBlock.Builder java, ArgumentClasses classes, BackwardStep.GradientSum sum) {
    java.addStatement("p.each($L, (long) p.batch() * $L)", kernel.launch().bind("src", sum.src()).bind("dst", sum.dst())
        .bind("count", "(long) p.batch() * " + sum.elementsPerImage()).code(classes), sum.elementsPerImage());
  }
}
