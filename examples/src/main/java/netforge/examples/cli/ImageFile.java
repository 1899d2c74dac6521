package netforge.examples.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image read from a file by whichever {@code javax.imageio} reader recognises its contents (not its name): PNG,
 * JPEG, GIF, BMP, TIFF, WBMP, and any format a plugin on the class path adds. A multi-image file (an animated
 * GIF, a multi-page TIFF) gives its first image.
 *
 * @param format the format's name, upper case ({@code "PNG"}, {@code "JPEG"})
 */
record ImageFile(Path file, String format, BufferedImage image) {
  /**
   * Images with more pixels are refused before they are decoded, so that a huge or malicious file gives a message
   * rather than an OutOfMemoryError: 100 million pixels are 400 MB as ARGB, and a network's input is a few thousand.
   */
  static final long MAX_PIXELS = 100_000_000L;

  /**
   * Reads {@code file}.
   *
   * @throws UnreadableImageException naming the file and what is wrong: missing, a directory, empty, not an image
   *     this Java can read, too large, or damaged
   */
  static ImageFile read(Path file) throws UnreadableImageException {
    checkFile(file);
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new UnreadableImageException(file, "cannot be opened for reading");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UnreadableImageException(file, "is not an image javax.imageio can read (no reader recognises "
            + "its contents; this Java reads " + readableFormats() + ")");
      }
      ImageReader reader = readers.next();
      String format = reader.getFormatName().toUpperCase(Locale.ROOT);
      try {
        reader.setInput(in, true, true);
        return new ImageFile(file, format, decode(file, format, reader));
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new UnreadableImageException(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static void checkFile(Path file) throws UnreadableImageException {
    if (Files.isDirectory(file)) {
      throw new UnreadableImageException(file, "is a directory, not an image");
    }
    if (!Files.exists(file)) {
      throw new UnreadableImageException(file, "no such file");
    }
    if (!Files.isReadable(file)) {
      throw new UnreadableImageException(file, "permission denied");
    }
    try {
      if (Files.size(file) == 0) {
        throw new UnreadableImageException(file, "is empty (0 bytes), not an image");
      }
    } catch (IOException e) {
      throw new UnreadableImageException(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static BufferedImage decode(Path file, String format, ImageReader reader) throws UnreadableImageException {
    try {
      long width = reader.getWidth(0);
      long height = reader.getHeight(0);
      if (width * height > MAX_PIXELS) {
        throw new UnreadableImageException(file, String.format(Locale.ROOT, "is a %dx%d %s, more than the %,d "
            + "pixels predict reads; scale it down first", width, height, format, MAX_PIXELS));
      }
      return reader.read(0);
    } catch (IOException | RuntimeException e) {
      // Decoders fail on damaged data with IIOException, but also with IndexOutOfBounds-, IllegalArgument- and
      // other runtime exceptions of their own: all of them mean the same thing here.
      String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      Throwable inner = e.getCause();
      if (inner != null && inner.getMessage() != null && !cause.contains(inner.getMessage())) {
        cause += ": " + inner.getMessage();
      }
      throw new UnreadableImageException(file, "looks like a " + format + " file but cannot be decoded (is it "
          + "truncated or damaged?): " + cause, e);
    }
  }

  /** The formats this Java's readers know, e.g. "BMP, GIF, JPEG, PNG, TIFF, WBMP". */
  static String readableFormats() {
    TreeSet<String> formats = new TreeSet<>();
    Arrays.stream(ImageIO.getReaderFormatNames()).map(name -> name.toUpperCase(Locale.ROOT))
        .filter(name -> !name.equals("JPG") && !name.equals("TIF")) // aliases of JPEG and TIFF
        .forEach(formats::add);
    return String.join(", ", formats);
  }

  /** Size, format and mode, e.g. {@code "500x37 PNG, RGB with alpha"}. */
  String describe() {
    return image.getWidth() + "x" + image.getHeight() + " " + format + ", " + DatasetPixels.describeMode(image);
  }
}
