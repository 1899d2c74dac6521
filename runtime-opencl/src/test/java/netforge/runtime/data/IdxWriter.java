package netforge.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** Writes IDX files for tests and for the bundled subset: the header, the bytes, optionally gzipped. */
final class IdxWriter {
  private IdxWriter() {}

  /** An IDX file's bytes: {@code magic}, then each of {@code dims} big-endian, then {@code data}. */
  static byte[] idx(int magic, int[] dims, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    buffer.putInt(magic);
    for (int dim : dims) {
      buffer.putInt(dim);
    }
    buffer.put(data);
    return buffer.array();
  }

  static byte[] images(int count, int rows, int columns, byte[] pixels) {
    return idx(IdxReader.IMAGES_MAGIC, new int[] {count, rows, columns}, pixels);
  }

  static byte[] labels(byte[] labels) {
    return idx(IdxReader.LABELS_MAGIC, new int[] {labels.length}, labels);
  }

  /**
   * {@code bytes} gzipped reproducibly: best compression, modification time 0, no file name, so the same input
   * always gives the same file on the same zlib.
   */
  static byte[] gzip(byte[] bytes) throws IOException {
    GzipParameters parameters = new GzipParameters();
    parameters.setCompressionLevel(9);
    parameters.setModificationTime(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(out, parameters)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /**
   * {@code bytes} as a multi-member gzip file: each piece between the {@code cuts} gzipped on its own, the members
   * one after the other, as {@code cat a.gz b.gz} or {@code pigz} make them. {@code gunzip} reads it as one stream.
   */
  static byte[] gzipMembers(byte[] bytes, int... cuts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int start = 0;
    for (int end : java.util.stream.IntStream.concat(java.util.Arrays.stream(cuts),
        java.util.stream.IntStream.of(bytes.length)).toArray()) {
      out.write(gzip(java.util.Arrays.copyOfRange(bytes, start, end)));
      start = end;
    }
    return out.toByteArray();
  }

  static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }
}
