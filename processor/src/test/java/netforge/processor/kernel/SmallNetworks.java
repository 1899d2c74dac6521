package netforge.processor.kernel;

import java.util.List;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.LayerModel;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.Op;
import netforge.processor.model.ShapeInference;

/** Networks built from the model classes directly, so the kernel stage is tested without javac. */
public final class SmallNetworks {
  private SmallNetworks() {}

  /**
   * {@code Net}, input 1x8x8, 10 classes: c1 {@code @Conv(out = 4, k = 3, p = 1) @ReLU} (4x8x8), pool
   * {@code @MaxPool(k = 2)} (4x4x4), flatten, fc {@code @Dense(out = 10)}.
   */
  public static InferredNetwork convPoolDense() {
    return ShapeInference.infer(new NetworkModel("Net", 1, 8, 8, 10, List.of(
        layer("c1", new Op.Conv(4, 3, 0, 0, 1, 1, true), new Op.Relu()),
        layer("pool", new Op.Pool(Op.PoolKind.MAX, 2, 0, 0)),
        layer("flat", new Op.Flatten()),
        layer("fc", new Op.Dense(10, 0, true)))));
  }

  /** The plan of {@link #convPoolDense()}, its program in {@code NetModel.cl}. */
  public static KernelPlan convPoolDensePlan() {
    return KernelPlanner.plan(convPoolDense(), "NetModel.cl");
  }

  private static LayerModel layer(String name, Op... ops) {
    return new LayerModel(name, List.of(ops), "", 0);
  }
}
