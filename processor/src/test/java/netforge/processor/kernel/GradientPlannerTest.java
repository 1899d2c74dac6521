package netforge.processor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.LayerModel;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeInference;
import org.junit.jupiter.api.Test;

/** Gradient buffers by liveness: a chain alternates two; a branch point sums the gradients of its readers. */
class GradientPlannerTest {
  private static GradientPlanner.Result plan(LayerModel... layers) {
    InferredNetwork network = ShapeInference.infer(new NetworkModel("Net", 3, 8, 8, 10, List.of(layers)));
    FusionPlanner.Fused fused = FusionPlanner.fuse(network);
    List<StageKernels> kernels = new ArrayList<>();
    fused.stages().forEach(s -> kernels.add(StageKernels.of(s, "net")));
    return GradientPlanner.plan(fused.stages(), kernels, fused.logits(), 10);
  }

  private static LayerModel layer(String name, Op... ops) {
    return new LayerModel(name, List.of(ops), "", 0);
  }

  private static Op conv(int out) {
    return new Op.Conv(out, 3, 0, 0, 1, 1, true);
  }

  @Test
  void chain_alternatesGradAAndGradB_fromTheLastStage() {
    GradientPlanner.Result result = plan(layer("c1", conv(4)), layer("c2", conv(4)), layer("fc", new Op.Dense(10, 0, true)));
    assertEquals(List.of("gradA", "gradB", "gradA"), result.steps().stream().map(s -> s.gradIn().name()).toList());
    assertEquals(List.of("gradA", "gradB"), result.buffers().keySet().stream().map(BufferName::name).toList());
    assertEquals(4L * 8 * 8, result.buffers().get(KernelPlan.GRAD_A), "the largest gradient it holds: c1's output");
  }

  @Test
  void residual_addsIntoTheShortcutsGradient_andAConvolutionsThroughASum() {
    // c1 is read by c2 and by the add: the add (later) writes its gradient first, c2's convolution adds through a sum
    GradientPlanner.Result result = plan(layer("c1", conv(4)), layer("c2", conv(4)),
        layer("sum", new Op.Add(List.of("c2", "c1"))), layer("fc", new Op.Dense(10, 0, true)));
    BackwardStep add = result.steps().get(1);
    assertEquals("sum", add.stage().layer());
    assertEquals(List.of(false, false), add.targets().stream().map(InputGradient::accumulate).toList(),
        "both gradients are born at the add");
    BackwardStep c2 = result.steps().get(2);
    assertEquals("c2", c2.stage().layer());
    assertEquals(1, c2.sums().size(), "c2's dX goes to a free buffer and is added to c1's gradient");
    assertEquals(add.targets().get(1).buffer(), c2.sums().get(0).dst());
  }
}
