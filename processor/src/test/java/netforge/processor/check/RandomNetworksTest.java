package netforge.processor.check;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.InferredNetwork;
import netforge.processor.model.InferredOp;
import netforge.processor.model.LayerModel;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.Op;
import netforge.processor.model.Padding;
import netforge.processor.model.Op.PoolKind;
import netforge.processor.model.ShapeInference;
import org.junit.jupiter.api.Test;

/**
 * Many random small networks, right and wrong, through inference and every check (seeded, so a failure repeats).
 * Invariants: no exception; an unknown shape always comes with an error that explains it; a rule that depends on
 * a step's input never fires on an unknown input (no cascades); every site names a real field, annotation and
 * attribute, so the parse stage can place the caret.
 */
class RandomNetworksTest {
  private static final int NETWORKS = 20_000;
  private static final int[] SIZES = {-1, 0, 1, 2, 3, 5, 7, 11, 28, 227, 46_341, 3_000_000};
  /** Messages whose rule reads the step's input shape. */
  private static final Set<Message> INPUT_DEPENDENT = Set.of(Message.NON_POSITIVE_OUTPUT,
      Message.NEEDS_SPATIAL_INPUT, Message.SHAPE_MISMATCH, Message.TOO_LARGE, Message.WINDOW_DROPS_INPUT,
      Message.GROUPS_INDIVISIBLE);
  private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
      "Conv", Set.of("out", "k", "kh", "kw", "s", "p", "ph", "pw", "bias", "groups", "name"),
      "MaxPool", Set.of("k", "s", "p", "ph", "pw"),
      "AvgPool", Set.of("k", "s", "p", "ph", "pw"),
      "AdaptiveAvgPool", Set.of("h", "w"),
      "Dense", Set.of("out", "in", "bias", "name"),
      "Dropout", Set.of("value"),
      "LeakyReLU", Set.of("slope"),
      "LRN", Set.of("size", "alpha", "beta", "k"));

  private final Random random = new Random(20_261_128);

  private int size() {
    // Mostly small valid sizes, sometimes anything from the table.
    return random.nextInt(4) == 0 ? SIZES[random.nextInt(SIZES.length)] : 1 + random.nextInt(6);
  }

  /** {@code ph} or {@code pw}: mostly unset (as {@code p}), sometimes a value in or out of range. */
  private int axisPadding() {
    return random.nextInt(3) == 0 ? random.nextInt(5) - 2 : Padding.SAME_AS_P;
  }

  /** {@code groups}: mostly 1, sometimes a count that may or may not divide the channels, or out of range. */
  private int groups() {
    return random.nextInt(3) == 0 ? random.nextInt(6) - 1 : 1;
  }

  private Op op() {
    return switch (random.nextInt(9)) {
      case 0, 1 -> random.nextBoolean()
          ? new Op.Conv(size(), size(), 0, 0, 1 + random.nextInt(3),
              random.nextInt(3) - (random.nextInt(8) == 0 ? 2 : 0), axisPadding(), axisPadding(), random.nextBoolean(),
              groups())
          : new Op.Conv(size(), random.nextInt(6) == 0 ? 3 : 0, size(), random.nextInt(5) == 0 ? 0 : size(),
              size(), random.nextInt(3), true);
      case 2 -> new Op.Pool(random.nextBoolean() ? PoolKind.MAX : PoolKind.AVG, size(), random.nextInt(4) - 1,
          random.nextInt(3), axisPadding(), axisPadding());
      case 3 -> new Op.AdaptiveAvgPool(size(), size());
      case 4 -> new Op.Dense(size(), random.nextInt(3) == 0 ? size() : 0, random.nextBoolean());
      case 5 -> new Op.Flatten();
      case 6 -> activation();
      case 7 -> new Op.Dropout(random.nextInt(5) == 0 ? 1.5 : random.nextDouble());
      default -> new Op.Lrn(size(), random.nextInt(6) == 0 ? -1 : 1e-4, 0.75, random.nextInt(6) == 0 ? 0 : 2);
    };
  }

  /** Any activation; a leaky ReLU's slope sometimes not a number. */
  private Op activation() {
    return switch (random.nextInt(6)) {
      case 0 -> new Op.LeakyRelu(random.nextInt(5) == 0 ? Double.NaN : random.nextGaussian());
      case 1 -> new Op.Tanh();
      case 2 -> new Op.Sigmoid();
      case 3 -> new Op.Gelu();
      case 4 -> new Op.Silu();
      default -> new Op.Relu();
    };
  }

  private NetworkModel network(int n) {
    List<LayerModel> layers = new ArrayList<>();
    int count = random.nextInt(6);
    for (int l = 0; l < count; l++) {
      List<Op> ops = new ArrayList<>();
      int steps = 1 + random.nextInt(3);
      for (int i = 0; i < steps; i++) {
        ops.add(op());
      }
      layers.add(new LayerModel("layer" + l, ops, "", 0));
    }
    int side = random.nextInt(5) == 0 ? size() : 8 + random.nextInt(30);
    return new NetworkModel("Net" + n, random.nextInt(10) == 0 ? size() : 1 + random.nextInt(3), side,
        random.nextInt(3) == 0 ? size() : side, random.nextInt(10) == 0 ? size() : 1 + random.nextInt(12), layers);
  }

  @Test
  void randomNetworks_keepTheCheckInvariants() {
    for (int n = 0; n < NETWORKS; n++) {
      NetworkModel model = network(n);
      InferredNetwork network = ShapeInference.infer(model);
      Report report = new Report();
      try {
        Checks.runAll(network, report);
      } catch (RuntimeException e) {
        throw new AssertionError("checks threw on " + model, e);
      }
      boolean unknownShape = model.input().isError()
          || network.layers().stream().anyMatch(l -> l.out().isError());
      assertWithMessage("an unknown shape without an error in %s", model)
          .that(!unknownShape || report.hasErrors()).isTrue();
      for (Diagnostic d : report.diagnostics()) {
        checkSite(network, d);
      }
    }
  }

  private static void checkSite(InferredNetwork network, Diagnostic d) {
    Site site = d.site();
    String context = d.text() + "\nin " + network.model();
    if (site.target() == Site.Target.NETWORK) {
      assertWithMessage("network attribute of %s", context).that(site.attribute() == null
          || Set.of("classes", "input", "input.channels", "input.height", "input.width").contains(site.attribute()))
          .isTrue();
      return;
    }
    assertWithMessage("layer of %s", context).that(site.layer()).isAtLeast(0);
    assertWithMessage("layer of %s", context).that(site.layer()).isLessThan(network.layers().size());
    if (site.target() == Site.Target.FIELD) {
      return;
    }
    List<Op> ops = network.layers().get(site.layer()).layer().ops();
    assertWithMessage("annotation of %s", context).that(site.annotation()).isLessThan(ops.size());
    Op op = ops.get(site.annotation());
    if (site.attribute() != null) {
      assertWithMessage("attribute of %s", context).that(ATTRIBUTES.get(op.annotation())).contains(site.attribute());
    }
    if (INPUT_DEPENDENT.contains(d.message())) {
      InferredOp step = network.ops().stream()
          .filter(s -> s.layer() == site.layer() && s.index() == site.annotation()).findFirst().orElseThrow();
      assertWithMessage("a cascade: %s on an unknown input", context).that(step.in().isError()).isFalse();
    }
  }
}
