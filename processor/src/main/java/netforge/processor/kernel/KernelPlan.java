package netforge.processor.kernel;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * What the kernel stage decided for one network, before anything is rendered: the fused stages, every batch buffer
 * with its size, the flat parameter layout with every offset, and the kernels of each stage. {@link KernelPlanner}
 * makes it; {@link OpenClRenderer} renders the OpenCL program from it and {@code codegen.LaunchSequenceWriter} the
 * Java that launches that program.
 *
 * @param network the network's name
 * @param resourceName the {@code .cl} file next to the generated class
 * @param stages the fused stages, in forward order
 * @param buffers every batch buffer, in the order the generated {@code buffers} method lists them
 * @param parameters every tensor of the flat parameter buffer, in buffer order
 * @param state every tensor of the network's non-trainable state (BatchNorm's running statistics), in buffer order
 * @param logits the buffer holding the network's output
 * @param kernels the kernels of each stage, parallel to {@code stages}
 * @param loss the loss kernel, reading {@code logits}
 * @param backward the backward pass, stage by stage from the last, with its gradient buffers
 * @param gradientSums the kernel that sums gradients at branch points, or null when no step needs it
 */
public record KernelPlan(String network, String resourceName, List<Stage> stages, List<PlannedBuffer> buffers,
    List<ParameterTensor> parameters, List<StateTensor> state, BufferName logits, List<StageKernels> kernels,
    LossKernels loss, List<BackwardStep> backward, GradientSums gradientSums) {

  /**
   * The loss writes the logits' gradient into gradA; in a chain the stages then alternate gradA and gradB, each
   * reading its output's gradient from one and writing its input's into the other ({@link GradientPlanner}).
   */
  public static final BufferName GRAD_A = BufferName.planned("gradA");
  public static final BufferName GRAD_B = BufferName.planned("gradB");

  public KernelPlan {
    stages = List.copyOf(stages);
    buffers = List.copyOf(buffers);
    parameters = List.copyOf(parameters);
    state = List.copyOf(state);
    kernels = List.copyOf(kernels);
    backward = List.copyOf(backward);
    if (kernels.size() != stages.size()) {
      throw new IllegalArgumentException(kernels.size() + " kernel groups for " + stages.size() + " stages");
    }
  }

  /** The kernels of {@code stage}. */
  public StageKernels kernelsOf(Stage stage) {
    return kernels.get(stages.indexOf(stage));
  }

  /** Emits the sums of a backward step, after its stage's kernels. */
  public void sums(CodeBlock.Builder java, ArgumentClasses classes, BackwardStep step) {
    step.sums().forEach(sum -> gradientSums.launch(java, classes, sum));
  }
}
