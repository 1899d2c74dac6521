package netforge.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
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
    assertEquals(List.of(), image.warnings(), "a whole file reads without warnings");
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

  /** 64x64 of noise in {@code format}, so that the compressed data are long. */
  private static byte[] noise(String format) throws IOException {
    BufferedImage noise = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 64 * 64; i++) {
      noise.setRGB(i % 64, i / 64, random.nextInt());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(noise, format, bytes);
    return bytes.toByteArray();
  }

  @Test
  void truncatedJpeg_decodesWithAWarning() throws Exception {
    // Java's decoder fills the missing rows with grey and only warns; before, the warning was dropped.
    byte[] jpeg = noise("jpeg");
    Path file = Files.write(directory.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
    ImageFile image = ImageFile.read(file);
    assertTrue(image.warnings().contains("Truncated File - Missing EOI marker"), image.warnings().toString());
    assertEquals(List.of(), ImageFile.read(Files.write(directory.resolve("whole.jpg"), jpeg)).warnings());
  }

  @Test
  void pngWithoutItsEnd_decodesWithAWarning() throws Exception {
    byte[] png = noise("png");
    Path file = Files.write(directory.resolve("cut.png"), Arrays.copyOf(png, png.length - 2));
    assertEquals(List.of("the file ends before its IEND chunk (truncated?)"), ImageFile.read(file).warnings());
  }

  @Test
  void cmykJpeg_isRefusedRatherThanReadInOtherColours() throws IOException {
    // Four components, C M Y K = (0, 255, 255, 0), red, in a JPEG without an Adobe marker: what libjpeg, and so most
    // programs, take for CMYK. Java reads it as CMYK too, but its conversion gives black (checked while writing
    // this; no second program was at hand here to compare with).
    WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        cmyk.setPixel(x, y, new int[] {0, 255, 255, 0});
      }
    }
    Path file = directory.resolve("print.jpg");
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(cmyk, null, null), writer.getDefaultWriteParam());
    } finally {
      writer.dispose();
    }
    assertEquals(file + ": is a CMYK (or YCCK) JPEG, 4 colour components, which Java's decoder reads with other "
        + "colours than other programs do; save it as RGB first (e.g. convert print.jpg -colorspace sRGB rgb.jpg)",
        failure(file));
  }

  /** A PNG of just a signature, a header declaring {@code width x height} grey pixels, and the end. */
  private static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 0, 0, 0, 0});
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    png.writeBytes(chunk("IHDR", ihdr.array()));
    png.writeBytes(chunk("IEND", new byte[0]));
    return png.toByteArray();
  }

  private static byte[] chunk(String type, byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(type.getBytes(StandardCharsets.US_ASCII));
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII))
        .put(data).putInt((int) crc.getValue()).array();
  }

  @Test
  void hugeDeclaredSize_isRefusedFromTheHeader() throws IOException {
    Path file = Files.write(directory.resolve("bomb.png"), pngHeader(100_000, 100_000));
    assertEquals(file + ": is a 100000x100000 PNG, more than the 100,000,000 pixels NetForge reads; scale it down "
        + "first", failure(file));
  }

  @Test
  void sizeThatWouldExhaustTheHeap_isRefusedFromTheHeader() throws IOException {
    // 5000 x 5000 is under the pixel limit, but not under a heap of 100 MB: before, it was decoded (and here, with
    // no pixel data, called damaged; a real one of that size ran out of memory).
    Path file = Files.write(directory.resolve("large.png"), pngHeader(5000, 5000));
    String message = assertThrows(UnreadableImageException.class, () -> ImageFile.read(file, 100L << 20))
        .getMessage();
    assertEquals(file + ": is a 5000x5000 PNG: reading and preparing it takes about 572 MB, more than the 100 MB "
        + "of memory Java has free; scale it down first, or give Java more (-Xmx..., for the netforge command "
        + "NETFORGE_JAVA_OPTS=-Xmx...)", message);
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
