package netforge.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CIFAR-10, the official "binary version": 32x32 colour images in 10 classes, 50,000 to train on (five files of
 * 10,000, {@code data_batch_1.bin} .. {@code data_batch_5.bin}) and 10,000 to test on ({@code test_batch.bin}), in a
 * directory {@code cifar-10-batches-bin}. Each record is 1 label byte (0-9) then 3072 pixel bytes: the 1024 red
 * values row by row, then the 1024 green, then the 1024 blue, which is already CHW.
 */
public final class Cifar10 {
  public static final String NAME = "CIFAR-10";
  /** Label i's name, as the archive's {@code batches.meta.txt} lists them. */
  public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
      "frog", "horse", "ship", "truck");
  /** The directory the official archive unpacks to. */
  public static final String BATCHES_DIRECTORY = "cifar-10-batches-bin";
  public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
      "data_batch_4.bin", "data_batch_5.bin");
  public static final String TEST_FILE = "test_batch.bin";
  public static final int CHANNELS = 3;
  public static final int SIZE = 32;
  public static final int IMAGE_BYTES = CHANNELS * SIZE * SIZE;
  public static final int RECORD_BYTES = 1 + IMAGE_BYTES;
  /** Every official batch file holds exactly this many records. */
  public static final int RECORDS_PER_FILE = 10_000;

  /**
   * The official archive. Its page (https://www.cs.toronto.edu/~kriz/cifar.html) publishes the MD5
   * c32a1d4ab5d03f1284b67883e8d87530; the SHA-256 pinned here is the one TensorFlow Datasets and other projects pin
   * for the same URL and size, and is checked before the archive is unpacked.
   */
  public static final RemoteFile OFFICIAL_ARCHIVE = new RemoteFile("cifar-10-binary.tar.gz", 170_052_171,
      "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
      List.of(URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")));
  public static final String OFFICIAL_ARCHIVE_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";

  private Cifar10() {}

  /** The files of {@code split}: the five training batches, or the test batch. */
  public static List<String> fileNames(Split split) {
    return split == Split.TRAIN ? TRAIN_FILES : List.of(TEST_FILE);
  }

  /**
   * The directory holding the batch files: {@code directory} itself, or its {@value #BATCHES_DIRECTORY}
   * subdirectory, whichever has at least one file of {@code split}.
   */
  public static Optional<Path> batchesDirectory(Path directory, Split split) {
    for (Path candidate : List.of(directory, directory.resolve(BATCHES_DIRECTORY))) {
      if (fileNames(split).stream().anyMatch(name -> Files.isRegularFile(candidate.resolve(name)))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads {@code split} from {@code directory} (the {@value #BATCHES_DIRECTORY} directory or the one containing it).
   * For the training split it reads the batch files that are there, in order, and the set's {@code source} names
   * them and any that are missing.
   */
  public static ImageSet read(Path directory, Split split) throws DatasetException {
    Path batches = batchesDirectory(directory, split).orElseThrow(() -> new DatasetException(directory + ": has no "
        + String.join(", ", fileNames(split)) + " (nor a " + BATCHES_DIRECTORY + " directory holding them)"));
    List<Path> present = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (String name : fileNames(split)) {
      if (Files.isRegularFile(batches.resolve(name))) {
        present.add(batches.resolve(name));
      } else {
        absent.add(name);
      }
    }
    List<DataFile> files = new ArrayList<>();
    for (Path path : present) {
      files.add(DataFile.of(path));
    }
    String source = batches + " (" + String.join(", ", present.stream().map(p -> p.getFileName().toString())
        .toList()) + (absent.isEmpty() ? "" : "; absent: " + String.join(", ", absent)) + ")";
    return read(files, split, source);
  }

  static ImageSet read(List<DataFile> files, Split split, String source) throws DatasetException {
    long records = 0;
    for (DataFile file : files) {
      records += checkedRecordCount(file);
    }
    byte[] pixels = new byte[Math.toIntExact(records * IMAGE_BYTES)]; // at most 5 x 10,000 images: 154 MB
    int[] labels = new int[(int) records];
    int image = 0;
    byte[] record = new byte[RECORD_BYTES];
    for (DataFile file : files) {
      long count = file.size() / RECORD_BYTES;
      try (InputStream in = file.open()) {
        for (int r = 0; r < count; r++, image++) {
          if (in.readNBytes(record, 0, RECORD_BYTES) < RECORD_BYTES) {
            throw new DatasetException(file.name() + ": truncated: it ended in record " + r + " of " + count
                + " while being read (did it change?)");
          }
          labels[image] = record[0] & 0xFF;
          if (labels[image] >= CLASS_NAMES.size()) {
            throw new DatasetException(file.name() + ": record " + r + " has label " + labels[image] + ", outside 0.."
                + (CLASS_NAMES.size() - 1));
          }
          System.arraycopy(record, 1, pixels, image * IMAGE_BYTES, IMAGE_BYTES);
        }
        if (in.read() != -1) {
          throw new DatasetException(file.name() + ": oversized: it grew past " + file.size()
              + " bytes while being read");
        }
      } catch (DatasetException e) {
        throw e;
      } catch (IOException e) {
        throw new DatasetException(file.name() + ": cannot read it (" + e.getMessage() + ")", e);
      }
    }
    return new ImageSet(NAME + " " + split.label(), CHANNELS, SIZE, SIZE, pixels, labels, CLASS_NAMES, source);
  }

  /** The number of records {@code file} holds, after checking that its size is a whole number of them. */
  private static long checkedRecordCount(DataFile file) throws DatasetException {
    long size = file.size();
    if (size == 0) {
      throw new EmptyDatasetException(file.name() + ": is empty");
    }
    long records = size / RECORD_BYTES;
    long rest = size % RECORD_BYTES;
    if (rest != 0) {
      String hint = size % (RECORD_BYTES + 1) == 0
          ? " (it divides into 3074-byte records: CIFAR-100's binary format, with two label bytes, is not CIFAR-10)"
          : " (truncated, or not a CIFAR-10 binary batch)";
      throw new DatasetException(file.name() + ": " + size + " bytes is not a whole number of " + RECORD_BYTES
          + "-byte records (1 label byte + " + IMAGE_BYTES + " pixel bytes): " + records + " records and " + rest
          + (rest == 1 ? " byte" : " bytes") + " left over" + hint);
    }
    if (records > RECORDS_PER_FILE) {
      throw new DatasetException(file.name() + ": oversized: " + records + " records, but a CIFAR-10 batch file holds "
          + RECORDS_PER_FILE);
    }
    return records;
  }
}
