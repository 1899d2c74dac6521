package netforge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileTest {
  @TempDir
  Path directory;

  @Test
  void png_isReadWithItsFormatAndMode() throws Exception {
    Path file = directory.resolve("wide.png");
    ImageIO.write(new BufferedImage(500, 37, BufferedImage.TYPE_INT_ARGB), "png", file.toFile());
    ImageFile image = ImageFile.read(file);
    assertEquals("PNG", image.format());
    assertEquals("500x37 PNG, RGB with alpha, composited over black", image.describe());
  }

  @Test
  void contentsDecide_notTheName() throws Exception {
    Path file = directory.resolve("actually-a-jpeg.png");
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg", file.toFile());
    assertEquals("JPEG", ImageFile.read(file).format());
  }

  @Test
  void textFile_isNotAnImage() throws IOException {
    Path file = Files.writeString(directory.resolve("notes.png"), "shopping list: bread, milk\n");
    String message = failure(file);
    assertTrue(message.startsWith(file + ": is not an image"), message);
    assertTrue(message.contains("PNG"), "names the formats that can be read: " + message);
  }

  @Test
  void emptyFile_saysSo() throws IOException {
    Path file = Files.createFile(directory.resolve("empty.jpg"));
    assertEquals(file + ": is empty (0 bytes), not an image", failure(file));
  }

  @Test
  void missingFile_saysSo() {
    Path file = directory.resolve("nowhere.png");
    assertEquals(file + ": no such file", failure(file));
  }

  @Test
  void directory_isNotAnImage() {
    assertEquals(directory + ": is a directory, not an image", failure(directory));
  }

  @Test
  void truncatedPng_cannotBeDecoded() throws IOException {
    Path whole = directory.resolve("whole.png");
    BufferedImage noise = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(1); // noise, so that the compressed data are long
    for (int i = 0; i < 64 * 64; i++) {
      noise.setRGB(i % 64, i / 64, random.nextInt());
    }
    ImageIO.write(noise, "png", whole.toFile());
    byte[] bytes = Files.readAllBytes(whole);
    Path file = Files.write(directory.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));
    String message = failure(file);
    assertTrue(message.startsWith(file + ": looks like a PNG file but cannot be decoded"), message);
  }

  @Test
  void readableFormats_areListedOnce() {
    String formats = ImageFile.readableFormats();
    assertTrue(formats.contains("JPEG") && formats.contains("PNG"), formats);
    assertTrue(!formats.contains("JPG") && !formats.contains("png"), formats);
  }

  private static String failure(Path file) {
    return assertThrows(UnreadableImageException.class, () -> ImageFile.read(file)).getMessage();
  }
}
