package netforge.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import netforge.runtime.data.FashionMnist;
import netforge.runtime.data.Split;

/**
 * Fashion-MNIST-format files a test writes into a directory for {@code --data}: gzipped IDX images and labels of
 * any count and size, pixel i = i mod 251, labels cycling through the classes.
 */
final class FashionFiles {
  private FashionFiles() {}

  /** Writes {@code split}'s two files with {@code count} images of {@code rows x columns} into {@code directory}. */
  static Path write(Path directory, Split split, int count, int rows, int columns) throws IOException {
    Files.createDirectories(directory);
    byte[] pixels = new byte[count * rows * columns];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i % 251);
    }
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % FashionMnist.CLASS_NAMES.size());
    }
    Files.write(directory.resolve(FashionMnist.imagesFileName(split)),
        gzip(idx(0x00000803, new int[] {count, rows, columns}, pixels)));
    Files.write(directory.resolve(FashionMnist.labelsFileName(split)), gzip(idx(0x00000801, new int[] {count},
        labels)));
    return directory;
  }

  private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      for (int dim : dims) {
        out.writeInt(dim);
      }
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
