package netforge.examples.probes;

import java.util.List;
import java.util.function.BiFunction;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.spec.NetworkSpec;

/** The probe networks, for tests in other packages. */
public final class Probes {
  private Probes() {}

  /** A network under test: its name, its spec, and how to create it on a device with a seed. */
  public record Probe(String name, NetworkSpec spec, BiFunction<Device, Long, Model> create) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static List<Probe> all() {
    return List.of(
        new Probe("ConvProbe", ConvProbeModel.SPEC, ConvProbeModel::create),
        new Probe("StrideProbe", StrideProbeModel.SPEC, StrideProbeModel::create),
        new Probe("PoolProbe", PoolProbeModel.SPEC, PoolProbeModel::create),
        new Probe("PaddingProbe", PaddingProbeModel.SPEC, PaddingProbeModel::create),
        new Probe("GraphProbe", GraphProbeModel.SPEC, GraphProbeModel::create),
        new Probe("BlockProbe", BlockProbeModel.SPEC, BlockProbeModel::create),
        new Probe("ActivationProbe", ActivationProbeModel.SPEC, ActivationProbeModel::create),
        new Probe("ActivationChainProbe", ActivationChainProbeModel.SPEC, ActivationChainProbeModel::create),
        new Probe("GroupsProbe", GroupsProbeModel.SPEC, GroupsProbeModel::create),
        new Probe("WideDepthwiseProbe", WideDepthwiseProbeModel.SPEC, WideDepthwiseProbeModel::create));
  }

  /** BatchNorm in every place it can stand; not among {@link #all()}, whose tests train at batch 1. */
  public static Probe batchNorm() {
    return new Probe("BatchNormProbe", BatchNormProbeModel.SPEC, BatchNormProbeModel::create);
  }
}
