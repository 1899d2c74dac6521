package netforge.runtime.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Real image files for data-set tests: seeded noise pictures, written with ImageIO in a real format. */
public final class TestImages {
  private TestImages() {}

  /** A {@code width x height} picture of {@code type} (grey or RGB) whose pixels are drawn from {@code seed}. */
  public static BufferedImage noise(int type, int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, type);
    SplittableRandom random = new SplittableRandom(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt() | 0xFF000000);
      }
    }
    return image;
  }

  /** Writes {@code image} as {@code format} ({@code png}, {@code jpeg}) to {@code file}, creating its directory. */
  public static Path write(Path file, BufferedImage image, String format) throws IOException {
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IllegalStateException("no " + format + " writer for image type " + image.getType());
    }
    return file;
  }
}
