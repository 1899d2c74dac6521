package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIFAR-10 binary reader, on small batch files each test writes. */
class Cifar10Test {
  @TempDir Path dir;

  /** {@code count} records; record r has label (r + first) mod 10 and pixel p = (r * 31 + p) mod 256. */
  static byte[] records(int count, int first) {
    byte[] bytes = new byte[count * Cifar10.RECORD_BYTES];
    for (int r = 0; r < count; r++) {
      bytes[r * Cifar10.RECORD_BYTES] = (byte) ((r + first) % 10);
      for (int p = 0; p < Cifar10.IMAGE_BYTES; p++) {
        bytes[r * Cifar10.RECORD_BYTES + 1 + p] = (byte) (r * 31 + p);
      }
    }
    return bytes;
  }

  private Path batches() {
    return dir.resolve(Cifar10.BATCHES_DIRECTORY);
  }

  private String failure(Path directory, Split split) {
    return assertThrows(DatasetException.class, () -> Cifar10.read(directory, split)).getMessage();
  }

  @Test
  void testBatch_loadsAsChw() throws IOException {
    IdxWriter.write(batches().resolve(Cifar10.TEST_FILE), records(3, 0));
    ImageSet set = Cifar10.read(batches(), Split.TEST);
    assertEquals(3, set.size());
    assertEquals(new ImageShape(3, 32, 32), set.shape());
    assertArrayEquals(new int[] {0, 1, 2}, set.labels());
    assertEquals(Cifar10.CLASS_NAMES, set.classNames());
    // The record's R, G, B planes are the image's channels 0, 1, 2.
    byte[] record1 = Arrays.copyOfRange(records(3, 0), Cifar10.RECORD_BYTES + 1, 2 * Cifar10.RECORD_BYTES);
    assertArrayEquals(record1, Arrays.copyOfRange(set.pixels(), Cifar10.IMAGE_BYTES, 2 * Cifar10.IMAGE_BYTES));
    assertEquals((byte) (31 + 1024), set.pixels()[Cifar10.IMAGE_BYTES + 1024]); // image 1, green, (0, 0)
  }

  @Test
  void parentDirectory_isAccepted() throws IOException {
    IdxWriter.write(batches().resolve(Cifar10.TEST_FILE), records(2, 0));
    assertEquals(2, Cifar10.read(dir, Split.TEST).size());
  }

  @Test
  void trainSplit_readsThePresentBatchesAndSaysWhich() throws IOException {
    IdxWriter.write(batches().resolve("data_batch_1.bin"), records(2, 0));
    IdxWriter.write(batches().resolve("data_batch_3.bin"), records(3, 5));
    ImageSet set = Cifar10.read(dir, Split.TRAIN);
    assertEquals(5, set.size());
    assertArrayEquals(new int[] {0, 1, 5, 6, 7}, set.labels());
    assertEquals(batches() + " (data_batch_1.bin, data_batch_3.bin; absent: data_batch_2.bin, data_batch_4.bin,"
        + " data_batch_5.bin)", set.source());
  }

  @Test
  void allTrainBatches_sayNothingIsAbsent() throws IOException {
    for (String name : Cifar10.TRAIN_FILES) {
      IdxWriter.write(batches().resolve(name), records(1, 0));
    }
    ImageSet set = Cifar10.read(dir, Split.TRAIN);
    assertEquals(5, set.size());
    assertTrue(!set.source().contains("absent"), set.source());
  }

  @Test
  void noBatchFiles_namesWhatWasExpected() throws IOException {
    Files.createDirectories(batches());
    assertEquals(dir + ": has no test_batch.bin (nor a cifar-10-batches-bin directory holding them)",
        failure(dir, Split.TEST));
  }

  @Test
  void partialRecord_isAWrongRecordSize() throws IOException {
    byte[] bytes = records(10, 0);
    IdxWriter.write(batches().resolve(Cifar10.TEST_FILE), Arrays.copyOf(bytes, bytes.length + 1));
    assertEquals(batches().resolve(Cifar10.TEST_FILE) + ": 30731 bytes is not a whole number of 3073-byte records"
        + " (1 label byte + 3072 pixel bytes): 10 records and 1 byte left over (truncated, or not a CIFAR-10 binary"
        + " batch)", failure(batches(), Split.TEST));
    IdxWriter.write(batches().resolve(Cifar10.TEST_FILE), Arrays.copyOf(bytes, 3000));
    assertTrue(failure(batches(), Split.TEST).contains("0 records and 3000 bytes left over"));
  }

  @Test
  void cifar100Records_getAHint() throws IOException {
    IdxWriter.write(batches().resolve(Cifar10.TEST_FILE), new byte[2 * 3074]);
    assertTrue(failure(batches(), Split.TEST).contains("CIFAR-100's binary format"), failure(batches(), Split.TEST));
  }

  @Test
  void emptyFile_isRejected() throws IOException {
    IdxWriter.write(batches().resolve(Cifar10.TEST_FILE), new byte[0]);
    assertEquals(batches().resolve(Cifar10.TEST_FILE) + ": is empty", failure(batches(), Split.TEST));
  }

  @Test
  void labelOutOfRange_namesTheRecord() throws IOException {
    byte[] bytes = records(4, 0);
    bytes[2 * Cifar10.RECORD_BYTES] = (byte) 200;
    IdxWriter.write(batches().resolve(Cifar10.TEST_FILE), bytes);
    assertEquals(batches().resolve(Cifar10.TEST_FILE) + ": record 2 has label 200, outside 0..9",
        failure(batches(), Split.TEST));
  }

  @Test
  void moreRecordsThanABatchFile_isOversized() {
    // A file that claims 10,001 records, checked before anything is read or allocated.
    DataFile big = new DataFile("big.bin", 10_001L * Cifar10.RECORD_BYTES, () -> {
      throw new IOException("must not be opened");
    });
    DatasetException e = assertThrows(DatasetException.class,
        () -> Cifar10.read(List.of(big), Split.TRAIN, "test"));
    assertEquals("big.bin: oversized: 10001 records, but a CIFAR-10 batch file holds 10000", e.getMessage());
  }

  @Test
  void fileThatShrinksWhileRead_isTruncated() {
    DataFile shrinking = new DataFile("shrinking.bin", 2L * Cifar10.RECORD_BYTES,
        () -> InputStream.nullInputStream());
    DatasetException e = assertThrows(DatasetException.class,
        () -> Cifar10.read(List.of(shrinking), Split.TEST, "test"));
    assertTrue(e.getMessage().startsWith("shrinking.bin: truncated"), e.getMessage());
  }
}
