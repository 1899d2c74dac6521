package netforge.runtime.train;

import java.util.Locale;
import netforge.runtime.Device;
import netforge.runtime.cl.ClBuffer;

/**
 * Times one optimizer step per kind over a network-sized flat buffer and reports milliseconds per step and the
 * memory traffic it implies. A benchmark, not a test: run it by hand, e.g.
 * {@code java -cp <test classpath> netforge.runtime.train.OptimizerBenchmark 58299082 20}, optionally with
 * {@code -Dgeometry=VW,VECS_PER_ITEM,LOCAL} to try another launch geometry and {@code -Dkinds=adam,sgd} to time
 * only some kinds. The default count is classic AlexNet's.
 */
public final class OptimizerBenchmark {
  private OptimizerBenchmark() {}

  public static void main(String[] args) {
    long count = args.length > 0 ? Long.parseLong(args[0]) : 58_299_082L;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (Device device = Device.open();
        ClBuffer params = ClBuffer.allocate(device, "params", count);
        ClBuffer grads = ClBuffer.allocate(device, "grads", count)) {
      UpdateGeometry geometry = geometry(device);
      System.out.printf(Locale.ROOT, "%s, %,d parameters, %s%n", device, count, geometry);
      params.zero(count);
      grads.zero(count);
      for (OptimizerKind kind : kinds()) {
        OptimizerConfig config = OptimizerConfig.tutorial(kind);
        try (Optimizer optimizer = new Optimizer(device, params, grads, count, config, geometry,
            new netforge.runtime.cl.Profiler())) {
          optimizer.step(config.lr());
          optimizer.step(config.lr());
          device.finish();
          // Each step timed alone; the best and the median, since the machine is shared and noisy.
          double[] seconds = new double[steps];
          for (int s = 0; s < steps; s++) {
            long start = System.nanoTime();
            optimizer.step(config.lr());
            device.finish();
            seconds[s] = (System.nanoTime() - start) / 1e9;
          }
          java.util.Arrays.sort(seconds);
          double best = seconds[0];
          double median = seconds[steps / 2];
          // Parameters and each state buffer are read and written, gradients only read.
          int buffers = 2 * (1 + optimizer.stateNames().size()) + 1;
          double gigabytes = buffers * 4.0 * count / 1e9;
          System.out.printf(Locale.ROOT, "%-9s best %7.2f ms/step (%5.1f GB/s), median %7.2f ms  (%d buffer passes)%n",
              kind.userName(), best * 1e3, gigabytes / best, median * 1e3, buffers);
        }
      }
    }
  }

  private static java.util.List<OptimizerKind> kinds() {
    String names = System.getProperty("kinds");
    return names == null ? java.util.List.of(OptimizerKind.values())
        : java.util.Arrays.stream(names.split(",")).map(OptimizerKind::parse).toList();
  }

  private static UpdateGeometry geometry(Device device) {
    String spec = System.getProperty("geometry");
    if (spec == null) {
      return UpdateGeometry.forDevice(device.info());
    }
    String[] parts = spec.split(",");
    return new UpdateGeometry(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
  }
}
