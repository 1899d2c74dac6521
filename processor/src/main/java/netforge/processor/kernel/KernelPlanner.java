package netforge.processor.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.Op;

/**
 * Plans a checked network's kernels: fuses its steps into stages ({@link FusionPlanner}), picks each stage's
 * kernels, lays out the parameters ({@link ParameterTensor#layout}) and the state ({@link StateTensor#layout}) and
 * sizes every batch buffer. The result is a
 * {@link KernelPlan} value; nothing here renders text.
 */
public final class KernelPlanner {
  private KernelPlanner() {}

  /** Plans the network's kernels; {@code resourceName} is the {@code .cl} file next to the generated class. */
  public static KernelPlan plan(InferredNetwork network, String resourceName) {
    String prefix = Names.prefix(network.name());
    FusionPlanner.Fused fused = FusionPlanner.fuse(network);
    List<Stage> stages = fused.stages();
    List<StateTensor> state = StateTensor.layout(stages);
    List<StageKernels> kernels = new ArrayList<>();
    for (Stage stage : stages) {
      // a BatchNorm's kernels update its running statistics, where the network's state layout put them
      kernels.add(stage.reduction() instanceof Op.BatchNorm
          ? new BatchNormKernels(stage, prefix, StateTensor.runningMeanOffset(state, stage))
          : StageKernels.of(stage, prefix));
    }
    BufferName logits = fused.logits();
    LossKernels loss = new LossKernels(prefix, network.model().classes(), logits);
    GradientPlanner.Result gradients = GradientPlanner.plan(stages, kernels, logits, network.model().classes());
    boolean sums = gradients.steps().stream().anyMatch(step -> !step.sums().isEmpty());
    return new KernelPlan(network.name(), resourceName, stages, buffers(network, stages, kernels, gradients),
        ParameterTensor.layout(stages), state, logits, kernels, loss, gradients.steps(), sums ? new GradientSums(prefix) : null);
  }

  private static List<PlannedBuffer> buffers(InferredNetwork network, List<Stage> stages, List<StageKernels> kernels,
      GradientPlanner.Result gradients) {
    List<PlannedBuffer> buffers = new ArrayList<>();
    buffers.add(perImage(BufferName.INPUT, network.model().input().size()));
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      buffers.add(perImage(stage.output(), stage.out().size()));
      if (stage.storesPreActivation()) {
        buffers.add(perImage(stage.preActivation(), stage.out().size()));
      }
      if (kernels.get(i) instanceof PoolKernels pool && pool.argmaxBufferName() != null) {
        // bytes packed four to a 32-bit element; rounding per image keeps every batch size covered
        buffers.add(perImage(pool.argmaxBufferName(), pool.argmaxElementsPerImage()));
      }
      buffers.addAll(kernels.get(i).ownBuffers());
    }
    gradients.buffers().forEach((name, elements) -> buffers.add(perImage(name, elements)));
    ScratchSizes sizes = new ScratchSizes();
    kernels.forEach(k -> k.scratch(sizes));
    for (Map.Entry<BufferName, List<ScratchUse>> e : sizes.uses().entrySet()) {
      buffers.add(new PlannedBuffer(e.getKey(), new PlannedBuffer.LargestOf(e.getValue())));
    }
    buffers.add(new PlannedBuffer(BufferName.LABELS, new PlannedBuffer.PerRow()));
    buffers.add(new PlannedBuffer(BufferName.ROW_LOSS, new PlannedBuffer.PerRow()));
    buffers.add(new PlannedBuffer(BufferName.ROW_PRED, new PlannedBuffer.PerRow()));
    return buffers;
  }

  private static PlannedBuffer perImage(BufferName name, long elements) {
    return new PlannedBuffer(name, new PlannedBuffer.PerImage(elements));
  }
}
