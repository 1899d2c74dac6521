package netforge.processor.check;

import java.util.List;
import netforge.processor.diag.Report;
import netforge.processor.model.InferredNetwork;

/** Every rule, in the order their messages should appear. */
public final class Checks {
  private static final List<NetworkCheck> ALL = List.of(
      new InputCheck(),
      new NoLayersCheck(),
      new SourceCheck(),
      new HyperParameterCheck(),
      new TensorNameCheck(),
      new NothingToAttachCheck(),
      new SpatialInputCheck(),
      new GroupsCheck(),
      new NonPositiveOutputCheck(),
      new TooLargeCheck(),
      new DenseInCheck(),
      new JoinShapeCheck(),
      new WindowTilingCheck(),
      new ClassesCheck(),
      new UnusedLayerCheck());

  private Checks() {}

  public static void runAll(InferredNetwork network, Report report) {
    for (NetworkCheck check : ALL) {
      check.check(network, report);
    }
  }
}
