package netforge.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import netforge.runtime.train.OptimizerKind;
import netforge.runtime.train.StepRecord;
import org.junit.jupiter.api.Test;

/**
 * The figure as a reader sees it, checked on the PNG's pixels: each optimizer's colour is drawn, and only where
 * its curves and the one legend are; the colour of an optimizer not in the comparison is nowhere.
 */
class ComparisonChartsTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final List<OptimizerKind> SHOWN = List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM,
      OptimizerKind.NAG, OptimizerKind.RMSPROP, OptimizerKind.ADAM);
  /** Points per run: two epochs of 6 points, as a short run tested every few steps has. */
  private static final int POINTS = 12;
  /** Pixels of exactly an optimizer's colour in a band or panel: a drawn sample or curve has hundreds. */
  private static final int DRAWN = 30;
  /** How far a GIF's 256-colour palette may move a colour, per channel; the styles' colours are 40 or more apart. */
  private static final int GIF_PALETTE_SHIFT = 16;

  /**
   * Momentum and NAG on the very same values, as in a short run: the dotted NAG must not hide the dashed momentum.
   * Adagrad's loss starts at 8,000, as it does in the tutorial's first steps.
   */
  private static Map<OptimizerKind, List<StepRecord>> runs(List<OptimizerKind> kinds) {
    Map<OptimizerKind, List<StepRecord>> runs = new LinkedHashMap<>();
    for (OptimizerKind kind : kinds) {
      List<StepRecord> points = new ArrayList<>();
      double rate = switch (kind) {
        case ADAM -> 0.25;
        case RMSPROP -> 0.15;
        case MOMENTUM, NAG -> 0.05;
        default -> 0.01;
      };
      for (int p = 1; p <= POINTS; p++) {
        double loss = kind == OptimizerKind.ADAGRAD && p == 1 ? 8000 : 2.3 * Math.exp(-rate * p);
        double accuracy = Math.min(0.95, 0.1 + rate * p / 2);
        points.add(new StepRecord(3 * p, 384L * p, p <= POINTS / 2 ? 1 : 2, loss, accuracy, loss * 1.05,
            accuracy * 0.95));
      }
      runs.put(kind, points);
    }
    return runs;
  }

  @Test
  void figure_drawsEachOptimizersColour_inTheLegendAndInEveryPanel() throws IOException {
    BufferedImage figure = png(new ComparisonCharts("Fashion-MNIST", runs(SHOWN)).render());
    for (OptimizerKind kind : SHOWN) {
      Color color = OptimizerStyle.of(kind).color();
      assertTrue(count(figure, ComparisonCharts.legendArea(), color) >= DRAWN, kind + " missing from the legend");
      for (int panel = 0; panel < 4; panel++) {
        Rectangle plot = CurvePanel.plotArea(ComparisonCharts.panelArea(panel));
        assertTrue(count(figure, plot, color) >= DRAWN, kind + " missing from panel " + panel);
      }
    }
  }

  /**
   * One legend: outside the four plot areas, the optimizers' colours are only in the legend band. A legend per
   * panel, beside or below its plot, would put them in a panel's margins.
   */
  @Test
  void figure_hasOneLegend_andNoneBesideThePanels() throws IOException {
    BufferedImage figure = png(new ComparisonCharts("Fashion-MNIST", runs(SHOWN)).render());
    for (int panel = 0; panel < 4; panel++) {
      Rectangle area = ComparisonCharts.panelArea(panel);
      Rectangle plot = CurvePanel.plotArea(area);
      // The margins, minus a few pixels around the plot that markers on its edge may reach into.
      Rectangle inner = new Rectangle(plot.x - 8, plot.y - 8, plot.width + 16, plot.height + 16);
      for (OptimizerKind kind : SHOWN) {
        Color color = OptimizerStyle.of(kind).color();
        assertEquals(0, count(figure, area, color) - count(figure, inner, color),
            kind + "'s colour in the margins of panel " + panel);
      }
    }
    assertTrue(ComparisonCharts.legendArea().y >= ComparisonCharts.TITLE_HEIGHT
        && ComparisonCharts.legendArea().getMaxY() <= ComparisonCharts.panelArea(0).y, "the legend is above the panels");
  }

  @Test
  void figure_withoutAnOptimizer_hasNoneOfItsColour() throws IOException {
    BufferedImage figure = png(new ComparisonCharts("Fashion-MNIST", runs(SHOWN)).render());
    Rectangle all = new Rectangle(0, 0, figure.getWidth(), figure.getHeight());
    for (OptimizerKind absent : List.of(OptimizerKind.ADAGRAD, OptimizerKind.ADADELTA, OptimizerKind.ADAMW)) {
      assertEquals(0, count(figure, all, OptimizerStyle.of(absent).color()), absent + " is not in this comparison");
    }
  }

  /** Drawn last, NAG lies exactly on momentum: the gaps of its dotted line must leave momentum's blue visible. */
  @Test
  void coincidingCurves_bothStayVisible() throws IOException {
    Map<OptimizerKind, List<StepRecord>> runs = runs(List.of(OptimizerKind.MOMENTUM, OptimizerKind.NAG));
    BufferedImage figure = png(new ComparisonCharts("Fashion-MNIST", runs).render());
    Rectangle plot = CurvePanel.plotArea(ComparisonCharts.panelArea(0));
    int momentum = count(figure, plot, OptimizerStyle.MOMENTUM.color());
    int nag = count(figure, plot, OptimizerStyle.NAG.color());
    assertTrue(momentum > 200 && nag > 200, "momentum " + momentum + " and nag " + nag + " pixels");
  }

  @Test
  void figure_hasTheSizeOfFourPanelsUnderTitleAndLegend() throws IOException {
    BufferedImage figure = png(new ComparisonCharts("Fashion-MNIST", runs(SHOWN)).render());
    assertEquals(2 * ComparisonCharts.PANEL_WIDTH, figure.getWidth());
    assertEquals(ComparisonCharts.TITLE_HEIGHT + ComparisonCharts.LEGEND_HEIGHT + 2 * ComparisonCharts.PANEL_HEIGHT,
        figure.getHeight());
  }

  @Test
  void frames_showTheCurvesGrowing() {
    ComparisonCharts charts = new ComparisonCharts("Fashion-MNIST", runs(SHOWN));
    assertNotEquals(pixels(charts.render(1)), pixels(charts.render(POINTS)), "frames must show the curves growing");
    assertEquals(pixels(charts.render()), pixels(charts.render(POINTS)));
  }

  @Test
  void frames_onePerPoint_orEvenlySpreadWhenThereAreMany() {
    ComparisonCharts charts = new ComparisonCharts("Fashion-MNIST", runs(SHOWN));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), charts.frames(40));
    assertEquals(List.of(3, 6, 9, 12), charts.frames(4));
  }

  @Test
  void imageCounts_readAsPeopleWriteThem() {
    assertEquals("4,000", ComparisonCharts.images(4000));
    assertEquals("120k", ComparisonCharts.images(120_000));
    assertEquals("1.2M", ComparisonCharts.images(1_200_000));
  }

  @Test
  void animatedGif_hasOneFramePerPoint_andLoopsForever() throws IOException {
    ComparisonCharts charts = new ComparisonCharts("Fashion-MNIST", runs(SHOWN));
    List<BufferedImage> frames = new ArrayList<>();
    for (int shown : charts.frames(40)) {
      frames.add(charts.render(shown));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AnimatedGif.write(out, frames, 500, 2000);
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      reader.setInput(in);
      assertEquals(POINTS, reader.getNumImages(true));
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
      IIOMetadataNode loop = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
      assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
      byte[] loopCount = (byte[]) loop.getUserObject();
      assertEquals(0, loopCount[1] | loopCount[2], "loop count 0 means forever");
      IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
      assertEquals("50", control.getAttribute("delayTime"));
      // The last frame, read back from the GIF, still shows every optimizer's colour in its legend; a GIF's palette
      // of 256 colours may shift each a little, but not into another's.
      BufferedImage last = reader.read(POINTS - 1);
      for (OptimizerKind kind : SHOWN) {
        assertTrue(countNear(last, ComparisonCharts.legendArea(), OptimizerStyle.of(kind).color()) >= DRAWN,
            kind + " missing from the GIF's legend");
      }
    } finally {
      reader.dispose();
    }
  }

  /** The figure as it comes back from a PNG file: what a reader opens. */
  static BufferedImage png(BufferedImage figure) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(figure, "png", out);
    return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
  }

  /** Pixels of exactly {@code color} in {@code area}. */
  static int count(BufferedImage image, Rectangle area, Color color) {
    int rgb = color.getRGB() & 0xFFFFFF;
    int n = 0;
    for (int y = Math.max(0, area.y); y < Math.min(image.getHeight(), area.y + area.height); y++) {
      for (int x = Math.max(0, area.x); x < Math.min(image.getWidth(), area.x + area.width); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  /** Pixels within {@value #GIF_PALETTE_SHIFT} per channel of {@code color}. */
  static int countNear(BufferedImage image, Rectangle area, Color color) {
    int n = 0;
    for (int y = area.y; y < Math.min(image.getHeight(), area.y + area.height); y++) {
      for (int x = area.x; x < Math.min(image.getWidth(), area.x + area.width); x++) {
        Color c = new Color(image.getRGB(x, y));
        if (Math.abs(c.getRed() - color.getRed()) <= GIF_PALETTE_SHIFT
            && Math.abs(c.getGreen() - color.getGreen()) <= GIF_PALETTE_SHIFT
            && Math.abs(c.getBlue() - color.getBlue()) <= GIF_PALETTE_SHIFT) {
          n++;
        }
      }
    }
    return n;
  }

  private static int pixels(BufferedImage image) {
    int hash = 0;
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        hash = 31 * hash + image.getRGB(x, y);
      }
    }
    return hash;
  }
}
