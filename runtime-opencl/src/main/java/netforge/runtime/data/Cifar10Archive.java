package netforge.runtime.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import netforge.runtime.io.AtomicFiles;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks the batch files from the official {@code cifar-10-binary.tar.gz} (with commons-compress). Only the known
 * file names under {@value Cifar10#BATCHES_DIRECTORY}/ are written, so an archive cannot place files anywhere else,
 * and each lands under its final name only once complete.
 */
final class Cifar10Archive {
  private static final long MAX_BATCH_BYTES = (long) Cifar10.RECORDS_PER_FILE * Cifar10.RECORD_BYTES;

  private Cifar10Archive() {}

  /**
   * Unpacks {@code archive} into {@code directory}/{@value Cifar10#BATCHES_DIRECTORY} and returns that directory.
   *
   * @throws DatasetException if the archive is not a readable tar.gz or lacks a batch file
   */
  static Path unpack(Path archive, Path directory) throws DatasetException {
    Path batches = directory.resolve(Cifar10.BATCHES_DIRECTORY);
    Path staging = null;
    try {
      staging = Files.createTempDirectory(directory, "." + Cifar10.BATCHES_DIRECTORY + ".");
      List<String> wanted = new ArrayList<>(Cifar10.TRAIN_FILES);
      wanted.add(Cifar10.TEST_FILE);
      List<String> found = new ArrayList<>();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
          TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in, true))) {
        for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
          String name = entry.getName();
          String prefix = Cifar10.BATCHES_DIRECTORY + "/";
          if (!entry.isFile() || !name.startsWith(prefix) || !wanted.contains(name.substring(prefix.length()))) {
            continue;
          }
          String fileName = name.substring(prefix.length());
          if (entry.getSize() > MAX_BATCH_BYTES) {
            throw new DatasetException(archive + ": " + name + " is " + entry.getSize() + " bytes, more than a "
                + "CIFAR-10 batch file (" + MAX_BATCH_BYTES + ")");
          }
          Files.copy(tar, staging.resolve(fileName));
          found.add(fileName);
        }
      }
      List<String> missing = wanted.stream().filter(name -> !found.contains(name)).toList();
      if (!missing.isEmpty()) {
        throw new DatasetException(archive + ": the archive has no " + String.join(", ", missing) + " under "
            + Cifar10.BATCHES_DIRECTORY + "/");
      }
      Files.createDirectories(batches);
      for (String name : found) {
        AtomicFiles.moveIntoPlace(staging.resolve(name), batches.resolve(name));
      }
      return batches;
    } catch (DatasetException e) {
      throw e;
    } catch (IOException e) {
      throw new DatasetException(archive + ": cannot unpack it (" + e + ")", e);
    } finally {
      deleteTree(staging);
    }
  }

  private static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover hidden staging directory is harmless; the next unpack makes a new one.
    }
  }
}
