package netforge.runtime.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
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
 * <p>Decoders read some damaged files to the end anyway — a truncated JPEG comes out with its missing rows grey —
 * and only say so through warnings; those are kept in {@code warnings}, so that a prediction on such an image is
 * not shown as if the file were whole.
 *
 * @param format the format's name, upper case ({@code "PNG"}, {@code "JPEG"})
 * @param warnings what the decoder reported while reading (e.g. "Truncated File - Missing EOI marker"), or none
 */
public record ImageFile(Path file, String format, BufferedImage image, List<String> warnings) {
  /**
   * Images with more pixels are refused before they are decoded, so that a huge or malicious file gives a message
   * rather than an OutOfMemoryError: 100 million pixels are 400 MB as ARGB, and a network's input is a few thousand.
   */
  static final long MAX_PIXELS = 100_000_000L;
  /**
   * Heap one pixel takes on its way to a network input, at most: decoded (8 bytes for 16-bit RGBA), in the data
   * set's form (3 bytes for RGB) and as floats (12 bytes), which are alive at the same time.
   */
  static final long BYTES_PER_PIXEL = 24;
  /** The 8 bytes a whole PNG ends with: the IEND chunk's type and CRC. */
  private static final byte[] PNG_END = {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

  /**
   * Reads {@code file}.
   *
   * @throws UnreadableImageException naming the file and what is wrong: missing, a directory, empty, not an image
   *     this Java can read, too large, or damaged
   */
  public static ImageFile read(Path file) throws UnreadableImageException {
    Runtime runtime = Runtime.getRuntime();
    return read(file, runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory()));
  }

  /** Reads {@code file} if preparing it takes at most {@code freeHeap} bytes (a parameter for tests). */
  static ImageFile read(Path file, long freeHeap) throws UnreadableImageException {
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
        reader.setInput(in, true, false); // metadata: a JPEG's colour components are read from it
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = decode(file, format, reader, freeHeap);
        if (format.equals("PNG") && !endsWith(file, PNG_END)) {
          warnings.add("the file ends before its IEND chunk (truncated?)");
        }
        return new ImageFile(file, format, image, List.copyOf(warnings));
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

  private static BufferedImage decode(Path file, String format, ImageReader reader, long freeHeap)
      throws UnreadableImageException {
    try {
      // Both from the header, before any pixel is decoded.
      long width = reader.getWidth(0);
      long height = reader.getHeight(0);
      if (width * height > MAX_PIXELS) {
        throw new UnreadableImageException(file, String.format(Locale.ROOT, "is a %dx%d %s, more than the %,d "
            + "pixels NetForge reads; scale it down first", width, height, format, MAX_PIXELS));
      }
      long needed = width * height * BYTES_PER_PIXEL;
      if (needed > freeHeap) {
        throw new UnreadableImageException(file, String.format(Locale.ROOT, "is a %dx%d %s: reading and preparing "
            + "it takes about %,d MB, more than the %,d MB of memory Java has free; scale it down first, or give Java "
            + "more (-Xmx..., for the netforge command NETFORGE_JAVA_OPTS=-Xmx...)", width, height, format,
            needed >> 20, Math.max(0, freeHeap) >> 20));
      }
      if (format.equals("JPEG") && JpegComponents.of(reader) == 4) {
        throw new UnreadableImageException(file, "is a CMYK (or YCCK) JPEG, 4 colour components, which Java's "
            + "decoder reads with other colours than other programs do; save it as RGB first (e.g. convert "
            + file.getFileName() + " -colorspace sRGB rgb.jpg)");
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

  private static boolean endsWith(Path file, byte[] end) throws IOException {
    try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
      if (channel.size() < end.length) {
        return false;
      }
      java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(end.length);
      channel.position(channel.size() - end.length);
      while (last.hasRemaining() && channel.read(last) > 0) {
        // reads the last bytes
      }
      return Arrays.equals(last.array(), end);
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
  public String describe() {
    return image.getWidth() + "x" + image.getHeight() + " " + format + ", " + DatasetPixels.describeMode(image);
  }
}
