package netforge.examples.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.StepRecord;

/**
 * The tutorial's figure for one data set: training loss, training accuracy, test loss and test accuracy against the
 * training images seen, one curve per optimizer in its {@link OptimizerStyle}, as a 2x2 grid under one legend.
 * Losses are on logarithmic axes (an early blow-up would flatten every other curve on a linear one). Every axis spans
 * the whole run, so the frames of an animation, which show the first points only, share their axes.
 */
public final class ComparisonCharts {
  static final int PANEL_WIDTH = 640;
  static final int PANEL_HEIGHT = 420;
  static final int TITLE_HEIGHT = 44;
  static final int LEGEND_HEIGHT = 40;
  /** About this many markers per curve, however many points it has. */
  private static final int MARKERS_PER_CURVE = 10;

  /** One of the four panels: a title, a y-axis label, and the value of a point it plots. */
  private record Panel(String title, String yLabel, ToDoubleFunction<StepRecord> value, boolean loss) {}

  private static final List<Panel> PANELS = List.of(
      new Panel("Training loss", "cross-entropy (log scale)", StepRecord::trainLoss, true),
      new Panel("Training accuracy", "accuracy (%)", r -> 100 * r.trainAccuracy(), false),
      new Panel("Test loss", "cross-entropy (log scale)", StepRecord::testLoss, true),
      new Panel("Test accuracy", "accuracy (%)", r -> 100 * r.testAccuracy(), false));

  private final String title;
  private final Map<OptimizerKind, List<StepRecord>> runs;
  private final List<StepRecord> longest;

  /** {@code runs}: each optimizer's points by steps, in legend order. */
  public ComparisonCharts(String title, Map<OptimizerKind, List<StepRecord>> runs) {
    this.title = title;
    this.runs = new LinkedHashMap<>(runs);
    this.longest = runs.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElse(List.of());
  }

  /** The points of the longest run. */
  public int points() {
    return longest.size();
  }

  /**
   * The number of points each frame of an animation shows: one frame per point, or, for a run with more than
   * {@code most} points, {@code most} frames evenly spread; the last frame shows them all.
   */
  public List<Integer> frames(int most) {
    int frames = Math.min(most, points());
    List<Integer> shown = new ArrayList<>();
    for (int f = 1; f <= frames; f++) {
      shown.add((int) Math.round((double) f * points() / frames));
    }
    return shown;
  }

  /** The figure with every point. */
  public BufferedImage render() {
    return render(points());
  }

  /** The figure with each run's first {@code shown} points, on the axes of the whole run. */
  public BufferedImage render(int shown) {
    BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, TITLE_HEIGHT + LEGEND_HEIGHT + 2 * PANEL_HEIGHT,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(CurvePanel.TEXT);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 21));
      CurvePanel.centred(g, heading(shown), image.getWidth() / 2.0, 30);
      new Legend(runs.keySet().stream().map(OptimizerStyle::of).toList()).paint(g, legendArea());
      for (int i = 0; i < PANELS.size(); i++) {
        panel(PANELS.get(i), shown).paint(g, panelArea(i));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Where the legend is drawn: the band under the title, across the figure. */
  static Rectangle legendArea() {
    return new Rectangle(0, TITLE_HEIGHT, 2 * PANEL_WIDTH, LEGEND_HEIGHT);
  }

  /** Where panel {@code i} (0 to 3, row by row) is drawn. */
  static Rectangle panelArea(int i) {
    return new Rectangle((i % 2) * PANEL_WIDTH, TITLE_HEIGHT + LEGEND_HEIGHT + (i / 2) * PANEL_HEIGHT, PANEL_WIDTH,
        PANEL_HEIGHT);
  }

  private String heading(int shown) {
    if (longest.isEmpty()) {
      return title + ": optimizers compared";
    }
    StepRecord last = longest.get(Math.max(0, Math.min(shown, longest.size()) - 1));
    int epochs = longest.get(longest.size() - 1).epoch();
    return String.format(Locale.ROOT, "%s: optimizers compared, %,d training images seen (epoch %d of %d)", title,
        last.images(), last.epoch(), epochs);
  }

  private CurvePanel panel(Panel panel, int shown) {
    Scale y = yScale(panel);
    List<Curve> curves = new ArrayList<>();
    for (Map.Entry<OptimizerKind, List<StepRecord>> run : runs.entrySet()) {
      List<StepRecord> points = run.getValue().subList(0, Math.min(shown, run.getValue().size()));
      curves.add(new Curve(OptimizerStyle.of(run.getKey()), points.stream().mapToDouble(StepRecord::images).toArray(),
          points.stream().mapToDouble(panel.value()).toArray()));
    }
    // At least one point per curve between a curve's markers, so that coinciding curves show every marker.
    int markerEvery = Math.max(runs.size(), (int) Math.ceil(longest.size() / (double) MARKERS_PER_CURVE));
    return new CurvePanel(panel.title(), "training images seen", panel.yLabel(), xScale(), y, curves, epochEnds(),
        markerEvery);
  }

  private Scale xScale() {
    double end = longest.isEmpty() ? 1 : Math.max(1, longest.get(longest.size() - 1).images());
    return new LinearScale(0, end * 1.02, ComparisonCharts::images);
  }

  /** Where each epoch but the last ends, from the longest run's points. */
  private List<CurvePanel.Epoch> epochEnds() {
    List<CurvePanel.Epoch> ends = new ArrayList<>();
    for (int i = 0; i + 1 < longest.size(); i++) {
      if (longest.get(i + 1).epoch() != longest.get(i).epoch()) {
        ends.add(new CurvePanel.Epoch(longest.get(i).epoch(), longest.get(i).images()));
      }
    }
    return ends;
  }

  /**
   * The y axis over the whole run, so every frame shares it; accuracy stays within 0-100. A loss axis also knows its
   * median value, where most curves lie, to label that decade more finely.
   */
  private Scale yScale(Panel panel) {
    double[] values = runs.values().stream().flatMap(List::stream).mapToDouble(panel.value())
        .filter(v -> Double.isFinite(v) && (!panel.loss() || v > 0)).sorted().toArray();
    if (panel.loss()) {
      if (values.length == 0) {
        return LogScale.covering(1, 10);
      }
      double min = values[0];
      double max = values[values.length - 1];
      return LogScale.covering(min, Math.max(max, min * 1.001), values[values.length / 2]);
    }
    if (values.length == 0) {
      return LinearScale.of(0, 100);
    }
    double min = values[0];
    double max = values[values.length - 1];
    double pad = Math.max(0.5, (max - min) * 0.08);
    return LinearScale.of(Math.max(0, min - pad), Math.min(100, max + pad));
  }

  /** Image counts as people read them: 4,000; 120k; 1.2M. */
  static String images(double count) {
    if (count >= 1e6) {
      return BigDecimal.valueOf(count / 1e6).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
          .toPlainString() + "M";
    } else if (count >= 1e5) {
      return BigDecimal.valueOf(count / 1e3).setScale(1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
          .toPlainString() + "k";
    }
    return String.format(Locale.ROOT, "%,d", Math.round(count));
  }
}
