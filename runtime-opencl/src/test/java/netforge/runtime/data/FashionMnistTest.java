package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader and Fashion-MNIST's file layout, on small files each test writes. */
class FashionMnistTest {
  private static final String IMAGES = "train-images-idx3-ubyte.gz";
  private static final String LABELS = "train-labels-idx1-ubyte.gz";

  @TempDir Path dir;

  /** {@code count} images of {@code rows x columns} with pixel i = i * 7 mod 256, labels i mod 10. */
  static byte[] pixels(int count, int rows, int columns) {
    byte[] pixels = new byte[count * rows * columns];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 7);
    }
    return pixels;
  }

  static byte[] labels(int count) {
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % 10);
    }
    return labels;
  }

  private void writeSet(int count, boolean gzip) throws IOException {
    byte[] images = IdxWriter.images(count, 4, 3, pixels(count, 4, 3));
    byte[] labels = IdxWriter.labels(labels(count));
    if (gzip) {
      IdxWriter.write(dir.resolve(IMAGES), IdxWriter.gzip(images));
      IdxWriter.write(dir.resolve(LABELS), IdxWriter.gzip(labels));
    } else {
      IdxWriter.write(dir.resolve("train-images-idx3-ubyte"), images);
      IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), labels);
    }
  }

  private void writeImages(byte[] bytes) throws IOException {
    IdxWriter.write(dir.resolve(IMAGES), bytes);
  }

  private void writeLabels(byte[] bytes) throws IOException {
    IdxWriter.write(dir.resolve(LABELS), bytes);
  }

  private String failure() {
    DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.read(dir, Split.TRAIN));
    return e.getMessage();
  }

  @Test
  void gzippedFiles_load() throws IOException {
    writeSet(12, true);
    ImageSet set = FashionMnist.read(dir, Split.TRAIN);
    assertEquals(12, set.size());
    assertEquals(new ImageShape(1, 4, 3), set.shape());
    assertArrayEquals(pixels(12, 4, 3), set.pixels());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}, set.labels());
    assertEquals(FashionMnist.CLASS_NAMES, set.classNames());
    assertEquals("Fashion-MNIST train", set.name());
    assertTrue(set.source().contains(dir.toString()) && set.source().contains(IMAGES), set.source());
  }

  @Test
  void uncompressedFiles_load() throws IOException {
    writeSet(3, false);
    assertTrue(FashionMnist.isIn(dir, Split.TRAIN));
    ImageSet set = FashionMnist.read(dir, Split.TRAIN);
    assertArrayEquals(pixels(3, 4, 3), set.pixels());
    assertTrue(set.source().contains("train-images-idx3-ubyte"), set.source());
  }

  @Test
  void gzipIsRecognisedByContentNotName() throws IOException {
    // A gunzipped file that kept its .gz name still reads.
    writeImages(IdxWriter.images(2, 4, 3, pixels(2, 4, 3)));
    writeLabels(IdxWriter.gzip(IdxWriter.labels(labels(2))));
    assertEquals(2, FashionMnist.read(dir, Split.TRAIN).size());
  }

  @Test
  void testSplit_usesT10kFiles() throws IOException {
    IdxWriter.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxWriter.gzip(IdxWriter.images(2, 2, 2,
        pixels(2, 2, 2))));
    IdxWriter.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxWriter.gzip(IdxWriter.labels(labels(2))));
    assertFalse(FashionMnist.isIn(dir, Split.TRAIN));
    assertEquals("Fashion-MNIST test", FashionMnist.read(dir, Split.TEST).name());
  }

  @Test
  void missingFile_namesIt() throws IOException {
    writeImages(IdxWriter.gzip(IdxWriter.images(1, 1, 1, new byte[1])));
    String message = failure();
    assertTrue(message.contains(dir.toString()) && message.contains("has no " + LABELS), message);
  }

  @Test
  void labelFileAsImages_isAWrongMagic() throws IOException {
    writeImages(IdxWriter.gzip(IdxWriter.labels(labels(3))));
    writeLabels(IdxWriter.gzip(IdxWriter.labels(labels(3))));
    assertEquals(dir.resolve(IMAGES) + ": magic 0x00000801 is a label file, expected images (0x00000803)",
        failure());
  }

  @Test
  void imageFileAsLabels_isAWrongMagic() throws IOException {
    writeSet(3, true);
    writeLabels(IdxWriter.gzip(IdxWriter.images(3, 4, 3, pixels(3, 4, 3))));
    assertEquals(dir.resolve(LABELS) + ": magic 0x00000803 is an image file, expected labels (0x00000801)",
        failure());
  }

  @Test
  void otherMagics_areNamed() throws IOException {
    writeSet(1, true);
    writeImages(IdxWriter.idx(0x89504E47, new int[] {1, 1, 1}, new byte[1])); // a PNG
    assertTrue(failure().endsWith("magic 0x89504E47 is not an IDX file, expected images (0x00000803)"));
    writeImages(IdxWriter.idx(0x00000D03, new int[] {1, 1, 1}, new byte[4])); // IDX of floats
    assertTrue(failure().contains("element type 0x0D, expected unsigned bytes (0x08)"), failure());
    writeImages(IdxWriter.idx(0x00000802, new int[] {1, 1}, new byte[1])); // IDX of two dimensions
    assertTrue(failure().contains("an IDX file of 2 dimensions, expected 3"), failure());
  }

  @Test
  void labelCountMismatch_namesBothFiles() throws IOException {
    writeSet(5, true);
    writeLabels(IdxWriter.gzip(IdxWriter.labels(labels(4))));
    assertEquals(dir.resolve(LABELS) + ": holds 4 labels but " + dir.resolve(IMAGES) + " holds 5 images",
        failure());
  }

  @Test
  void labelOutOfRange_namesTheImage() throws IOException {
    writeSet(5, true);
    byte[] labels = labels(5);
    labels[3] = 10;
    writeLabels(IdxWriter.gzip(IdxWriter.labels(labels)));
    assertEquals(dir.resolve(LABELS) + ": label 10 of image 3 is outside 0..9", failure());
  }

  @Test
  void truncatedPlainFile_saysHowMuchIsThere() throws IOException {
    writeSet(5, true);
    byte[] images = IdxWriter.images(5, 4, 3, pixels(5, 4, 3));
    writeImages(Arrays.copyOf(images, images.length - 1));
    assertEquals(dir.resolve(IMAGES) + ": truncated: the header claims 5 images of 4x3 (60 bytes) but the file has"
        + " 59 bytes after the header", failure());
  }

  @Test
  void oversizedPlainFile_isRejected() throws IOException {
    writeSet(5, true);
    byte[] images = IdxWriter.images(5, 4, 3, pixels(5, 4, 3));
    writeImages(Arrays.copyOf(images, images.length + 7));
    assertTrue(failure().contains(": oversized: the header claims 5 images of 4x3 (60 bytes) but the file has 67"),
        failure());
  }

  @Test
  void gzipWithMoreDataThanClaimed_isOversized() throws IOException {
    writeSet(5, true);
    byte[] images = IdxWriter.images(5, 4, 3, pixels(5, 4, 3));
    ByteBuffer.wrap(images).putInt(4, 4); // claims 4 images, holds 5
    writeImages(IdxWriter.gzip(images));
    writeLabels(IdxWriter.gzip(IdxWriter.labels(labels(4))));
    assertTrue(failure().contains(": oversized: more data follows the 4 images of 4x3"), failure());
  }

  @Test
  void gzipWithLessDataThanClaimed_isTruncated() throws IOException {
    writeSet(5, true);
    byte[] images = IdxWriter.images(5, 4, 3, pixels(5, 4, 3));
    ByteBuffer.wrap(images).putInt(4, 6); // claims 6 images, holds 5
    writeImages(IdxWriter.gzip(images));
    assertTrue(failure().contains(": truncated: the header claims 6 images of 4x3 (72 bytes) but only 60 bytes"),
        failure());
  }

  @Test
  void multiMemberGzip_readsAsOneStream() throws IOException {
    // Before, only the first member was read and the file was called truncated.
    writeSet(5, true);
    byte[] images = IdxWriter.images(5, 4, 3, pixels(5, 4, 3));
    writeImages(IdxWriter.gzipMembers(images, 6, 30)); // one cut inside the header, one inside the pixels
    writeLabels(IdxWriter.gzipMembers(IdxWriter.labels(labels(5)), 9));
    ImageSet set = FashionMnist.read(dir, Split.TRAIN);
    assertArrayEquals(pixels(5, 4, 3), set.pixels());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, set.labels());
  }

  @Test
  void garbageAfterTheLastGzipMember_isCorrupt() throws IOException {
    writeSet(5, true);
    byte[] gz = IdxWriter.gzip(IdxWriter.images(5, 4, 3, pixels(5, 4, 3)));
    writeImages(java.nio.ByteBuffer.allocate(gz.length + 4).put(gz).putInt(0x0BADF00D).array());
    String message = failure();
    assertTrue(message.startsWith(dir.resolve(IMAGES) + ": corrupt gzip data"), message);
  }

  @Test
  void cutGzipStream_isTruncated() throws IOException {
    writeSet(50, true);
    byte[] gz = IdxWriter.gzip(IdxWriter.images(50, 4, 3, pixels(50, 4, 3)));
    for (int keep : new int[] {gz.length - 4, gz.length - 9, gz.length / 2, 12}) {
      writeImages(Arrays.copyOf(gz, keep));
      String message = failure();
      assertTrue(message.startsWith(dir.resolve(IMAGES) + ": truncated"), keep + ": " + message);
    }
  }

  @Test
  void corruptGzipData_isReported() throws IOException {
    writeSet(50, true);
    byte[] gz = IdxWriter.gzip(IdxWriter.images(50, 4, 3, pixels(50, 4, 3)));
    gz[gz.length - 6] ^= 0x55; // inside the CRC-32 of the trailer
    writeImages(gz);
    String message = failure();
    assertTrue(message.startsWith(dir.resolve(IMAGES) + ": corrupt gzip data"), message);
  }

  @Test
  void negativeDimension_isRejected() throws IOException {
    writeSet(1, true);
    writeImages(IdxWriter.idx(IdxReader.IMAGES_MAGIC, new int[] {1, -28, 28}, new byte[0]));
    assertEquals(dir.resolve(IMAGES) + ": the header gives a negative number of rows (-28)", failure());
    writeImages(IdxWriter.idx(IdxReader.IMAGES_MAGIC, new int[] {-1, 28, 28}, new byte[0]));
    assertEquals(dir.resolve(IMAGES) + ": the header gives a negative number of images (-1)", failure());
    writeImages(IdxWriter.idx(IdxReader.IMAGES_MAGIC, new int[] {1, 0, 28}, new byte[0]));
    assertEquals(dir.resolve(IMAGES) + ": the header gives 0 rows per image", failure());
  }

  @Test
  void hugeDimensions_areRejectedBeforeAllocating() throws IOException {
    writeSet(1, true);
    writeImages(IdxWriter.idx(IdxReader.IMAGES_MAGIC, new int[] {Integer.MAX_VALUE, 28, 28}, new byte[16]));
    assertTrue(failure().contains("more than one Java array holds"), failure());
    // 2^31 - 1 images of 1x1 fit no array; 1,000,000 of 28x28 would, but not in a 100-byte gzip file.
    writeImages(IdxWriter.gzip(IdxWriter.idx(IdxReader.IMAGES_MAGIC, new int[] {1_000_000, 28, 28},
        new byte[16])));
    String message = failure();
    assertTrue(message.contains("the header claims 1000000 images of 28x28 (784000000 bytes), more than a gzip file of")
        && message.contains("a corrupt header"), message);
    writeImages(IdxWriter.idx(IdxReader.IMAGES_MAGIC, new int[] {1_000_000, 28, 28}, new byte[16]));
    assertTrue(failure().contains(": truncated: the header claims 1000000 images"), failure());
  }

  @Test
  void sizesWhoseProductOverflowsALong_areRejected() throws IOException {
    // Found by IdxReaderPropertyTest: the product of three sizes below 2^31 overflowed into a negative array size.
    writeSet(1, true);
    int max = Integer.MAX_VALUE;
    writeImages(IdxWriter.gzip(IdxWriter.idx(IdxReader.IMAGES_MAGIC, new int[] {max, max, 1 << 30}, new byte[0])));
    assertTrue(failure().contains("the header claims images of 2147483647x1073741824, more than one Java array holds"),
        failure());
  }

  @Test
  void noImagesOfAnImpossibleSize_areRejected() throws IOException {
    // Found by IdxReaderPropertyTest: 0 images of 2 x (2^31 - 1) passed every check, then failed in ImageSet.
    writeSet(0, true);
    writeImages(IdxWriter.gzip(IdxWriter.idx(IdxReader.IMAGES_MAGIC, new int[] {0, 2, Integer.MAX_VALUE},
        new byte[0])));
    assertEquals(dir.resolve(IMAGES) + ": the header claims images of 2x2147483647, more than one Java array holds",
        failure());
  }

  @Test
  void noImages_isAnEmptyDataset() throws IOException {
    // Before, 0 images read as a data set, and training on it reported a loss and accuracy of 0.
    writeSet(0, true);
    DatasetException e = assertThrows(EmptyDatasetException.class, () -> FashionMnist.read(dir, Split.TRAIN));
    assertEquals(dir.resolve(IMAGES) + ": holds 0 images (its header says so): there is nothing to train on",
        e.getMessage());
  }

  @Test
  void emptyAndShortFiles_areTooShort() throws IOException {
    writeSet(1, true);
    writeImages(new byte[0]);
    assertEquals(dir.resolve(IMAGES) + ": is 0 bytes, too short for an IDX header", failure());
    writeImages(IdxWriter.gzip(new byte[] {0, 0, 8}));
    assertEquals(dir.resolve(IMAGES) + ": inflates to 3 bytes, too short for an IDX header", failure());
    writeImages(new byte[] {0, 0, 8, 3, 0, 0});
    assertEquals(dir.resolve(IMAGES) + ": truncated: the header ends before its 3 dimension sizes", failure());
  }

  @Test
  void directoryInPlaceOfFile_isNamed() throws IOException {
    writeSet(1, true);
    Files.delete(dir.resolve(IMAGES));
    Files.createDirectory(dir.resolve(IMAGES));
    assertTrue(failure().contains("has no " + IMAGES), failure());
  }
}
