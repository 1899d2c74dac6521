package netforge.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import netforge.runtime.train.EpochRecord;
import org.junit.jupiter.api.Test;

class ComparisonChartsTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static Map<String, List<EpochRecord>> runs() {
    Map<String, List<EpochRecord>> runs = new LinkedHashMap<>();
    for (String optimizer : List.of("sgd", "adam", "adagrad")) {
      List<EpochRecord> epochs = new ArrayList<>();
      for (int e = 1; e <= 4; e++) {
        double loss = optimizer.equals("adagrad") && e == 1 ? 8000 : 2.3 / e;
        epochs.add(new EpochRecord(e, loss, 0.1 * e, 2.2 / e, 0.12 * e, 0.01, 10, 80));
      }
      runs.put(optimizer, epochs);
    }
    return runs;
  }

  @Test
  void render_drawsTheFourPanelsOnOneFigure() {
    BufferedImage figure = new ComparisonCharts("Fashion-MNIST", runs()).render();
    assertEquals(2 * ComparisonCharts.PANEL_WIDTH, figure.getWidth());
    assertEquals(2 * ComparisonCharts.PANEL_HEIGHT + 40, figure.getHeight());
  }

  @Test
  void render_earlierEpochs_differFromTheWholeRun() {
    ComparisonCharts charts = new ComparisonCharts("Fashion-MNIST", runs());
    assertNotEquals(pixels(charts.render(1)), pixels(charts.render(4)), "frames must show the curves growing");
  }

  @Test
  void animatedGif_hasOneFramePerEpoch_andLoopsForever() throws IOException {
    ComparisonCharts charts = new ComparisonCharts("Fashion-MNIST", runs());
    List<BufferedImage> frames = new ArrayList<>();
    for (int e = 1; e <= charts.epochs(); e++) {
      frames.add(charts.render(e));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AnimatedGif.write(out, frames, 500, 2000);
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      reader.setInput(in);
      assertEquals(4, reader.getNumImages(true));
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
      IIOMetadataNode loop = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
      assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
      byte[] loopCount = (byte[]) loop.getUserObject();
      assertEquals(0, loopCount[1] | loopCount[2], "loop count 0 means forever");
      IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
      assertEquals("50", control.getAttribute("delayTime"));
    } finally {
      reader.dispose();
    }
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
