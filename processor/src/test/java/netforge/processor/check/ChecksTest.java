package netforge.processor.check;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import netforge.processor.diag.Diagnostic;
import netforge.processor.diag.Message;
import netforge.processor.diag.Report;
import netforge.processor.diag.Site;
import netforge.processor.model.LayerModel;
import netforge.processor.model.NetworkModel;
import netforge.processor.model.Op;
import netforge.processor.model.Op.PoolKind;
import netforge.processor.model.ShapeInference;
import org.junit.jupiter.api.Test;

/** The checks on pure models: one report per mistake, at the step that made it, and nothing after it. */
class ChecksTest {
  private static LayerModel layer(String name, Op... ops) {
    return new LayerModel(name, List.of(ops), name, 0);
  }

  private static List<Diagnostic> check(NetworkModel model) {
    Report report = new Report();
    Checks.runAll(ShapeInference.infer(model), report);
    return report.diagnostics();
  }

  private static Op.Conv conv(int out, int k) {
    return new Op.Conv(out, k, 0, 0, 1, 0, true);
  }

  @Test
  void cleanNetwork_hasNoDiagnostics() {
    assertThat(check(new NetworkModel("Net", 1, 28, 28, 10, List.of(
        layer("conv1", conv(6, 5), new Op.Relu()),
        layer("pool1", new Op.Pool(PoolKind.MAX, 2, 0, 0)),
        layer("fc", new Op.Dense(10, 864, true)))))).isEmpty();
  }

  @Test
  void emptyWindow_isReportedOnceNotByTheLayersAfterIt() {
    // conv1 leaves no output; pool1 (a window), fc (in = 864) and the class count would all fail on it.
    List<Diagnostic> diagnostics = check(new NetworkModel("Net", 1, 28, 28, 10, List.of(
        layer("conv1", conv(6, 29), new Op.Relu()),
        layer("pool1", new Op.Pool(PoolKind.MAX, 2, 0, 0)),
        layer("fc", new Op.Dense(12, 864, true)))));
    assertThat(diagnostics).hasSize(1);
    assertThat(diagnostics.get(0).message()).isEqualTo(Message.NON_POSITIVE_OUTPUT);
    assertThat(diagnostics.get(0).site()).isEqualTo(Site.annotation(0, 0, "k"));
  }

  @Test
  void badInput_isReportedOnceNotByEveryLayer() {
    List<Diagnostic> diagnostics = check(new NetworkModel("Net", 1, 0, 28, 10, List.of(
        layer("conv1", conv(6, 5)), layer("fc", new Op.Dense(12, 5, true)))));
    assertThat(diagnostics).hasSize(1);
    assertThat(diagnostics.get(0).site()).isEqualTo(Site.network("input.height"));
  }

  @Test
  void independentMistakes_areAllReported() {
    // A dropout probability is wrong whatever flows into it, so it is reported after an earlier shape error too.
    List<Diagnostic> diagnostics = check(new NetworkModel("Net", 1, 28, 28, 10, List.of(
        layer("conv1", conv(6, 29)), layer("fc", new Op.Dropout(1.5), new Op.Dense(10, 0, true)))));
    assertThat(diagnostics.stream().map(Diagnostic::message).toList())
        .containsExactly(Message.DROPOUT_RANGE, Message.NON_POSITIVE_OUTPUT);
  }

  @Test
  void noLayers_isReportedOnTheNetwork() {
    List<Diagnostic> diagnostics = check(new NetworkModel("Net", 1, 28, 28, 10, List.of()));
    assertThat(diagnostics).hasSize(1);
    assertThat(diagnostics.get(0).firstLine())
        .isEqualTo("[nn.NoLayers] Net: a @Network needs at least one Layer field (found 0)");
    assertThat(diagnostics.get(0).site()).isEqualTo(Site.network());
  }
}
