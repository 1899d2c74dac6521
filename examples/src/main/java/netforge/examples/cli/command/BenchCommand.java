package netforge.examples.cli.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import netforge.examples.cli.DeviceOption;
import netforge.examples.cli.ExitCodes;
import netforge.examples.cli.ReturnsExitCodes;
import netforge.examples.cli.ModelSession;
import netforge.examples.cli.NetworkOption;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.ModelEngine;
import netforge.runtime.cl.Profiler;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.train.Optimizer;
import netforge.runtime.train.OptimizerConfig;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.tuning.Tunables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netforge bench}: how fast a network trains and infers on a device, measured the way the PyTorch peer
 * measures it (fixed random batch, a few warm-up steps, median of timed steps; a training step is forward, loss,
 * backward and an SGD-with-momentum update), with per-layer kernel times from OpenCL profiling events, program
 * build time and peak memory. Prints one JSON line last, for scripts.
 */
@ReturnsExitCodes({ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.NO_DEVICE, ExitCodes.OUT_OF_MEMORY})
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measure training and inference speed (images/s, GFLOP/s), per-layer kernel times, build time "
        + "and peak memory.",
    footer = {"", "GFLOP/s count 2 x multiply-accumulates of convolutions and dense layers, 3 x the forward pass for",
        "a training step, as the PyTorch peer counts them. Compare with PyTorch in the same run: examples/bench.sh.",
        "", "Examples:", "  netforge bench --network alexnet-cifar --batch 128",
        "  netforge bench --network alexnet --batch 32 --mode infer --steps 5"})
public final class BenchCommand implements Callable<Integer> {
  enum Mode { TRAIN, INFER, BOTH }

  @Mixin
  NetworkOption networkOption;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "128", description = "Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "both",
      description = "train, infer or both. Default: ${DEFAULT-VALUE}.")
  Mode mode;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Untimed steps first.")
  int warmup;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "8", description = "Timed steps; the median counts.")
  int steps;

  @Option(names = "--no-profile", description = "Skip the per-layer kernel table (one extra profiled step).")
  boolean noProfile;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON line to FILE.")
  Path json;

  @Option(names = "--gemm", description = "Also time the GEMM kernel alone at n = 1024 and 2048.")
  boolean gemm;

  @Mixin
  DeviceOption device;

  @Override
  public Integer call() throws IOException {
    if (batch < 1 || steps < 1 || warmup < 0) {
      throw new IllegalArgumentException("--batch and --steps must be at least 1, --warmup at least 0");
    }
    PrintStream out = System.out;
    Map<String, Object> result = new LinkedHashMap<>();
    try (ModelSession session = ModelSession.openTuned(device, networkOption.network(), out)) {
      Device gpu = session.device();
      if (gemm) {
        benchGemm(gpu, out, result);
      }
      long start = System.nanoTime();
      try (Model model = session.create(0)) {
        double created = (System.nanoTime() - start) / 1e9;
        ModelEngine engine = model.engine();
        long flopsPerImage = model.spec().flops();
        out.printf(Locale.ROOT, "%s on %s, batch %d%n", model.spec().name(), gpu.info().describe(), batch);
        out.printf(Locale.ROOT, "program build: %.2f s (%s); model ready in %.2f s%n", engine.buildSeconds(),
            buildOrigin(gpu, engine), created);
        result.put("netforge", "0.1.0");
        result.put("model", networkOption.network().id());
        result.put("batch", batch);
        result.put("device", gpu.info().name());
        result.put("build_s", round(engine.buildSeconds(), 3));
        result.put("build_cached", engine.programFromCache());
        Random random = new Random(0);
        float[] input = new float[batch * model.spec().inputSize()];
        for (int i = 0; i < input.length; i++) {
          input[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[batch];
        for (int n = 0; n < batch; n++) {
          labels[n] = random.nextInt(model.spec().classes());
        }
        if (mode != Mode.INFER) {
          try (Optimizer sgd = Optimizer.forEngine(engine, OptimizerConfig.tutorial(OptimizerKind.MOMENTUM))) {
            Timing t = time(() -> engine.trainingStep(input, labels, () -> sgd.step(0.01)));
            report(out, "train step", t, 3.0 * flopsPerImage, result, "train");
            if (!noProfile) {
              profile(out, engine, flopsPerImage, () -> engine.trainingStep(input, labels, () -> sgd.step(0.01)));
            }
          }
        }
        if (mode != Mode.TRAIN) {
          Timing t = time(() -> model.forward(input, batch));
          report(out, "inference", t, flopsPerImage, result, "infer");
        }
        long peak = peakResidentBytes();
        if (peak > 0) {
          out.printf(Locale.ROOT, "peak resident memory: %.2f GiB (the process, device buffers included on a CPU "
              + "device)%n", peak / (double) (1L << 30));
          result.put("peak_rss_gib", round(peak / (double) (1L << 30), 3));
        }
        out.printf(Locale.ROOT, "device memory for batch %d: %.2f GiB%n", batch,
            engine.bytesFor(batch) / (double) (1L << 30));
      }
    }
    String line = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result);
    out.println(line);
    if (json != null) {
      Files.writeString(json, line + "\n");
    }
    return ExitCodes.OK;
  }

  private static String buildOrigin(Device gpu, ModelEngine engine) {
    if (gpu.info().compilesOnFirstLaunch()) {
      return "the driver compiles each kernel at its first launch, from its own cache when warm";
    }
    return engine.programFromCache() ? "warm: from the program cache" : "cold: compiled";
  }

  /** The GEMM kernel's own rate at n = 2048 when {@code --gemm} measured it: the ceiling a stage is shown against. */
  private double gemmCeiling;

  /** The median, fastest and slowest timed step, and the very first step (warm-up included: it pays any compile). */
  private record Timing(double median, double min, double max, double first) {}

  /** The shared GEMM (every backward product's kernel) on square matrices, with the device's tuned tile. */
  private void benchGemm(Device gpu, PrintStream out, Map<String, Object> result) {
    var tunables = Tunables.forDevice(gpu.info());
    for (int n : netforge.runtime.tuning.GemmBenchmark.REFERENCE_SIZES) {
      double gflops = netforge.runtime.tuning.GemmBenchmark.gflops(gpu, tunables, n, 5);
      out.printf(Locale.ROOT, "GEMM n=%d (TM=%d, TN=%d): %.1f GFLOP/s, the fastest of 5 runs%n", n, tunables.tm(),
          tunables.tn(), gflops);
      result.put("gemm_" + n + "_gflops", round(gflops, 1));
      gemmCeiling = gflops;
    }
  }

  private Timing time(Runnable step) {
    double first = -1;
    for (int i = 0; i < warmup; i++) {
      long t = System.nanoTime();
      step.run();
      first = first < 0 ? (System.nanoTime() - t) / 1e9 : first;
    }
    double[] seconds = new double[steps];
    for (int i = 0; i < steps; i++) {
      long t = System.nanoTime();
      step.run();
      seconds[i] = (System.nanoTime() - t) / 1e9;
    }
    first = first < 0 ? seconds[0] : first;
    Arrays.sort(seconds);
    return new Timing(seconds[steps / 2], seconds[0], seconds[steps - 1], first);
  }

  private void report(PrintStream out, String what, Timing t, double flopsPerImage, Map<String, Object> result,
      String key) {
    double imagesPerSecond = batch / t.median();
    double gflops = imagesPerSecond * flopsPerImage / 1e9;
    out.printf(Locale.ROOT, "%-11s median %.4f s (min %.4f, max %.4f) = %.1f images/s, %.1f GFLOP/s; first step "
        + "%.2f s%n", what + ":", t.median(), t.min(), t.max(), imagesPerSecond, gflops, t.first());
    result.put(key + "_first_s", round(t.first(), 3));
    result.put(key + "_median_s", round(t.median(), 4));
    result.put(key + "_images_per_s", round(imagesPerSecond, 2));
    result.put(key + "_gflops", round(gflops, 1));
  }

  /** One profiled step: device time per stage (forward and backward) and kernel, and each stage's GFLOP/s. */
  private void profile(PrintStream out, ModelEngine engine, long flopsPerImage, Runnable step) {
    Profiler profiler = engine.profiler();
    profiler.reset();
    profiler.enable(true);
    long wall = System.nanoTime();
    step.run();
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    profiler.enable(false);
    profiler.collect();
    Map<String, long[]> totals = profiler.totals();
    Map<String, Long> byStage = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, long[]> e : totals.entrySet()) {
      String stage = e.getKey().contains(" | ") ? e.getKey().substring(0, e.getKey().indexOf(" | ")) : e.getKey();
      byStage.merge(stage, e.getValue()[0], Long::sum);
      total += e.getValue()[0];
    }
    Map<String, Long> layerFlops = new LinkedHashMap<>();
    for (LayerSpec layer : engine.spec().layers()) {
      layerFlops.put(layer.name(), layer.flops());
    }
    out.printf(Locale.ROOT, "%nper stage, one training step (device time from OpenCL events; wall %.3f s):%n",
        wallSeconds);
    out.printf(Locale.ROOT, "  %-16s %9s %6s %10s %s%n", "stage", "ms", "share", "GFLOP/s",
        gemmCeiling > 0 ? String.format(Locale.ROOT, "of the GEMM's %.0f", gemmCeiling) : "");
    for (Map.Entry<String, Long> e : byStage.entrySet()) {
      String stage = e.getKey();
      String layer = stage.contains(" ") ? stage.substring(stage.indexOf(' ') + 1) : "";
      long flops = layerFlops.getOrDefault(layer, 0L) * (stage.startsWith("b") ? 2 : 1) * batch;
      double ms = e.getValue() / 1e6;
      double gflops = flops / (ms / 1e3) / 1e9;
      out.printf(Locale.ROOT, "  %-16s %9.1f %5.1f%% %10s %s%n", stage, ms, 100.0 * e.getValue() / total,
          flops == 0 ? "-" : String.format(Locale.ROOT, "%.1f", gflops),
          flops == 0 || gemmCeiling <= 0 ? "" : String.format(Locale.ROOT, "%5.0f%%", 100 * gflops / gemmCeiling));
    }
    out.printf(Locale.ROOT, "  %-16s %9.1f%n", "total", total / 1e6);
    out.printf(Locale.ROOT, "%nper kernel:%n");
    List<Map.Entry<String, long[]>> kernels = new ArrayList<>(totals.entrySet());
    kernels.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    for (Map.Entry<String, long[]> e : kernels) {
      out.printf(Locale.ROOT, "  %-52s %8.1f ms %5.1f%%  x%d%n", e.getKey(), e.getValue()[0] / 1e6,
          100.0 * e.getValue()[0] / total, e.getValue()[1]);
    }
    out.println();
    profiler.reset();
  }

  /** VmHWM from /proc/self/status: the peak resident set; 0 where /proc is absent. */
  static long peakResidentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
