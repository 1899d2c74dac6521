package netforge.examples.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import netforge.runtime.train.EpochRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The tutorial's figure for one dataset: train loss, train accuracy, test loss and test accuracy per epoch, one
 * curve per optimizer, as a 2x2 grid of XChart line charts. Axis ranges can be fixed to the whole run's, so the
 * frames of an animation share their axes.
 */
public final class ComparisonCharts {
  static final int PANEL_WIDTH = 640;
  static final int PANEL_HEIGHT = 420;

  /** One of the four panels: a title, a y-axis label, and the column of the history it plots. */
  private record Panel(String title, String yLabel, ToDoubleFunction<EpochRecord> value, boolean accuracy) {}

  private static final List<Panel> PANELS = List.of(
      new Panel("Training loss", "cross-entropy", EpochRecord::trainLoss, false),
      new Panel("Training accuracy", "accuracy (%)", r -> 100 * r.trainAccuracy(), true),
      new Panel("Test loss", "cross-entropy", EpochRecord::testLoss, false),
      new Panel("Test accuracy", "accuracy (%)", r -> 100 * r.testAccuracy(), true));

  private final String dataset;
  private final Map<String, List<EpochRecord>> runs;
  private final int epochs;

  /** {@code runs}: optimizer name to its epochs, in legend order. */
  public ComparisonCharts(String dataset, Map<String, List<EpochRecord>> runs) {
    this.dataset = dataset;
    this.runs = new LinkedHashMap<>(runs);
    this.epochs = runs.values().stream().mapToInt(List::size).max().orElse(0);
  }

  public int epochs() {
    return epochs;
  }

  /** The 2x2 figure with every epoch. */
  public BufferedImage render() {
    return render(epochs);
  }

  /** The figure with the first {@code shown} epochs, on the axes of the whole run. */
  public BufferedImage render(int shown) {
    BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, 2 * PANEL_HEIGHT + 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.BLACK);
      g.setFont(g.getFont().deriveFont(20f));
      g.drawString(dataset + ": optimizers compared, epoch " + shown + " of " + epochs, 16, 28);
      for (int i = 0; i < PANELS.size(); i++) {
        BufferedImage panel = BitmapEncoder.getBufferedImage(chart(PANELS.get(i), shown));
        g.drawImage(panel, (i % 2) * PANEL_WIDTH, 40 + (i / 2) * PANEL_HEIGHT, null);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private XYChart chart(Panel panel, int shown) {
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(panel.title())
        .xAxisTitle("epoch").yAxisTitle(panel.yLabel()).build();
    var styler = chart.getStyler();
    styler.setLegendPosition(LegendPosition.OutsideE);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setXAxisMin(1.0);
    styler.setXAxisMax((double) Math.max(2, epochs));
    styler.setXAxisDecimalPattern("#");
    double[] range = range(panel);
    // A loss that blows up early (Adagrad's and RMSprop's first steps do) would flatten every other curve on a
    // linear axis; spanning more than a decade, losses are drawn on a logarithmic one.
    boolean logarithmic = !panel.accuracy() && range[0] > 0 && range[1] / range[0] > 10;
    styler.setYAxisLogarithmic(logarithmic);
    styler.setYAxisMin(range[0]);
    styler.setYAxisMax(range[1]);
    if (logarithmic) {
      chart.setYAxisTitle(panel.yLabel() + " (log scale)");
    }
    for (Map.Entry<String, List<EpochRecord>> run : runs.entrySet()) {
      List<EpochRecord> records = run.getValue().subList(0, Math.min(shown, run.getValue().size()));
      if (records.isEmpty()) {
        // XChart needs a point per series; an empty series would drop the legend entry mid-animation.
        records = run.getValue().subList(0, Math.min(1, run.getValue().size()));
      }
      double[] x = records.stream().mapToDouble(EpochRecord::epoch).toArray();
      double[] y = records.stream().mapToDouble(panel.value()).toArray();
      if (x.length == 0) {
        continue;
      }
      chart.addSeries(run.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
    }
    return chart;
  }

  /** The y range over the whole run, padded, so every frame shares it; accuracy stays within 0-100. */
  private double[] range(Panel panel) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (List<EpochRecord> records : runs.values()) {
      for (EpochRecord r : records) {
        double v = panel.value().applyAsDouble(r);
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (min > max) {
      return panel.accuracy() ? new double[] {0, 100} : new double[] {0, 1};
    }
    if (!panel.accuracy() && min > 0 && max / min > 10) {
      return new double[] {min / 1.2, max * 1.2}; // logarithmic: pad by a factor
    }
    double pad = Math.max(1e-3, (max - min) * 0.08);
    double low = Math.max(0, min - pad);
    double high = panel.accuracy() ? Math.min(100, max + pad) : max + pad;
    return new double[] {low, high};
  }
}
