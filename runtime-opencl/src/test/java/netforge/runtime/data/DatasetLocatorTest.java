package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the locator looks, in which order, what it downloads, and what it says when it finds nothing. */
class DatasetLocatorTest {
  @TempDir Path root;
  private Path user;
  private Path debian;
  private Path cache;
  private LocalHttpServer server;

  @BeforeEach
  void setUp() throws IOException {
    user = root.resolve("user");
    debian = root.resolve("debian");
    cache = root.resolve("cache");
    server = new LocalHttpServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** Fashion-MNIST's test files with {@code count} 2x2 images, gzipped, by file name. */
  private static Map<String, byte[]> fashionFiles(int count) throws IOException {
    return Map.of(FashionMnist.imagesFileName(Split.TEST),
        IdxWriter.gzip(IdxWriter.images(count, 2, 2, FashionMnistTest.pixels(count, 2, 2))),
        FashionMnist.labelsFileName(Split.TEST), IdxWriter.gzip(IdxWriter.labels(FashionMnistTest.labels(count))));
  }

  private static void writeFashion(Path directory, int count) throws IOException {
    for (Map.Entry<String, byte[]> file : fashionFiles(count).entrySet()) {
      IdxWriter.write(directory.resolve(file.getKey()), file.getValue());
    }
  }

  /** Without --data: Debian's directory, the cache, no downloads. */
  private DatasetLocator.Builder offline() {
    return DatasetLocator.builder().debianDirectory(debian).cacheDirectory(cache)
        .downloadsOff("they are turned off by the test");
  }

  /** With --data {@code user}, and every other place holding data that must not be read. */
  private DatasetLocator.Builder explicit() {
    return offline().dataDirectory(user);
  }

  private DatasetLocator.Builder online() {
    return DatasetLocator.builder().debianDirectory(debian).cacheDirectory(cache).downloader(Downloader.quiet());
  }

  @Test
  void userDirectory_comesFirst() throws IOException {
    writeFashion(user, 3);
    writeFashion(debian, 4);
    ImageSet set = explicit().build().fashionMnist(Split.TEST);
    assertEquals(3, set.size());
    assertTrue(set.source().startsWith(user.toString()), set.source());
  }

  @Test
  void debianDirectory_comesFirstWithoutData() throws IOException {
    writeFashion(debian, 4);
    writeFashion(cache.resolve("fashion-mnist"), 5);
    assertEquals(4, offline().build().fashionMnist(Split.TEST).size());
  }

  @Test
  void cache_comesSecondWithoutData() throws IOException {
    writeFashion(cache.resolve("fashion-mnist"), 5);
    ImageSet set = offline().build().fashionMnist(Split.TEST);
    assertEquals(5, set.size());
    assertTrue(set.source().startsWith(cache.resolve("fashion-mnist").toString()), set.source());
  }

  @Test
  void brokenFilesInAPlace_areReportedNotSkipped() throws IOException {
    writeFashion(user, 3);
    Files.write(user.resolve(FashionMnist.labelsFileName(Split.TEST)), new byte[] {1, 2, 3});
    writeFashion(debian, 4);
    DatasetException e = assertThrows(DatasetException.class, () -> explicit().build().fashionMnist(Split.TEST));
    assertFalse(e instanceof DatasetNotFoundException);
    assertTrue(e.getMessage().startsWith(user.resolve(FashionMnist.labelsFileName(Split.TEST)).toString()),
        e.getMessage());
  }

  @Test
  void nothingFoundOffline_listsEveryPlaceAndHowToGetTheFiles() throws IOException {
    DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
        () -> offline().build().fashionMnist(Split.TEST));
    String message = e.getMessage();
    assertTrue(message.startsWith("Fashion-MNIST (test) was not found. Looked in:\n"
        + "  - " + debian + " (Debian's dataset-fashion-mnist): does not exist\n"
        + "  - " + cache.resolve("fashion-mnist") + " (download cache): does not exist\n"
        + "  - download: not tried, they are turned off by the test\n"), message);
    assertTrue(message.contains("sudo apt-get install dataset-fashion-mnist"), message);
    assertTrue(message.contains(FashionMnist.officialFiles(Split.TEST).get(0).urls().get(0).toString()), message);
    assertTrue(message.contains("--data DIR"), message);
  }

  @Test
  void nothingFound_downloadsIntoTheCacheOnce() throws IOException {
    List<RemoteFile> remote = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : fashionFiles(6).entrySet()) {
      remote.add(new RemoteFile(file.getKey(), file.getValue().length, sha256(file.getValue()),
          List.of(server.serve("/fashion/" + file.getKey(), file.getValue()))));
    }
    DatasetLocator locator = online().fashionMnistFiles(remote).build();
    ImageSet set = locator.fashionMnist(Split.TEST);
    assertEquals(6, set.size());
    assertTrue(set.source().startsWith(cache.resolve("fashion-mnist").toString()), set.source());
    assertEquals(2, server.requests());
    assertEquals(6, locator.fashionMnist(Split.TEST).size());
    assertEquals(2, server.requests(), "the second time it reads the cache");
  }

  @Test
  void failedDownload_isListedInTheNotFoundMessage() {
    List<RemoteFile> remote = FashionMnist.OFFICIAL_FILES.stream()
        .map(f -> new RemoteFile(f.fileName(), f.size(), f.sha256(), List.of(server.url("/" + f.fileName()))))
        .toList();
    DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
        () -> online().fashionMnistFiles(remote).build().fashionMnist(Split.TEST));
    assertTrue(e.getMessage().contains("  - download: t10k-images-idx3-ubyte.gz: download failed:\n      "
        + server.url("/t10k-images-idx3-ubyte.gz") + ": HTTP status 404\n"), e.getMessage());
  }

  @Test
  void cifar_userDirectoryOrElseCache() throws IOException {
    IdxWriter.write(cache.resolve("cifar-10-batches-bin").resolve("test_batch.bin"), Cifar10Test.records(2, 0));
    assertEquals(2, offline().build().cifar10(Split.TEST).size());
    IdxWriter.write(user.resolve("test_batch.bin"), Cifar10Test.records(3, 0));
    assertEquals(3, explicit().build().cifar10(Split.TEST).size());
  }

  @Test
  void cifar_downloadsChecksAndUnpacksTheArchive() throws IOException {
    byte[] archive = tarGz(true);
    RemoteFile remote = new RemoteFile("cifar-10-binary.tar.gz", archive.length, sha256(archive),
        List.of(server.serve("/cifar.tar.gz", archive)));
    ImageSet train = online().cifar10Archive(remote).build().cifar10(Split.TRAIN);
    assertEquals(5 * 2, train.size());
    assertTrue(train.source().startsWith(cache.resolve("cifar-10-batches-bin").toString()), train.source());
    assertEquals(3, online().cifar10Archive(remote).build().cifar10(Split.TEST).size());
    assertEquals(1, server.requests(), "unpacked once, read from the cache after");
    assertFalse(Files.exists(cache.resolve("cifar-10-binary.tar.gz")), "the archive is deleted once unpacked");
    assertFalse(Files.exists(cache.resolve("evil.bin")) || Files.exists(root.resolve("evil.bin")));
    assertFalse(Files.exists(cache.resolve("cifar-10-batches-bin").resolve("readme.html")));
  }

  @Test
  void cifar_multiMemberGzipArchive_unpacks() throws IOException {
    byte[] tar = tar(true);
    byte[] archive = IdxWriter.gzipMembers(tar, 700, tar.length / 2); // cut inside a header and inside a body
    RemoteFile remote = new RemoteFile("cifar-10-binary.tar.gz", archive.length, sha256(archive),
        List.of(server.serve("/cifar.tar.gz", archive)));
    assertEquals(3, online().cifar10Archive(remote).build().cifar10(Split.TEST).size());
  }

  @Test
  void cifar_archiveWithoutTheTestBatch_isNotFound() throws IOException {
    byte[] archive = tarGz(false);
    RemoteFile remote = new RemoteFile("cifar-10-binary.tar.gz", archive.length, sha256(archive),
        List.of(server.serve("/cifar.tar.gz", archive)));
    DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
        () -> online().cifar10Archive(remote).build().cifar10(Split.TEST));
    assertTrue(e.getMessage().contains("the archive has no test_batch.bin under cifar-10-batches-bin/"),
        e.getMessage());
    assertTrue(e.getMessage().contains("download the binary version " + remote.urls().get(0)), e.getMessage());
    assertFalse(Files.exists(cache.resolve("cifar-10-batches-bin")), "nothing is unpacked from a broken archive");
  }

  @Test
  void cifar_nothingFoundOffline_listsThePlaces() {
    DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
        () -> offline().build().cifar10(Split.TRAIN));
    assertTrue(e.getMessage().startsWith("CIFAR-10 (train) was not found. Looked in:\n"
        + "  - " + cache.resolve("cifar-10-batches-bin") + " (download cache): does not exist\n"
        + "  - download: not tried, they are turned off by the test\n"), e.getMessage());
  }

  @Test
  void defaultCache_followsTheSystemProperty() {
    String before = System.getProperty(DatasetLocator.CACHE_PROPERTY);
    try {
      System.setProperty(DatasetLocator.CACHE_PROPERTY, root.toString());
      assertEquals(root, DatasetLocator.defaultCacheDirectory());
    } finally {
      restore(DatasetLocator.CACHE_PROPERTY, before);
    }
  }

  @Test
  void builder_readsTheCacheFromTheSystemProperty_andDownloadsOnlyAsTheCallerSays() {
    String cacheBefore = System.getProperty(DatasetLocator.CACHE_PROPERTY);
    try {
      System.setProperty(DatasetLocator.CACHE_PROPERTY, cache.toString());
      DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
          () -> DatasetLocator.builder().downloadsOff("they are turned off by --offline").build().cifar10(Split.TEST));
      assertTrue(e.getMessage().contains("  - " + cache.resolve("cifar-10-batches-bin") + " (download cache): does"
          + " not exist\n  - download: not tried, they are turned off by --offline\n"), e.getMessage());
    } finally {
      restore(DatasetLocator.CACHE_PROPERTY, cacheBefore);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  /** An archive laid out like the official one (two records per batch), with entries it must not unpack. */
  private static byte[] tarGz(boolean withTestBatch) throws IOException {
    return IdxWriter.gzip(tar(withTestBatch));
  }

  private static byte[] tar(boolean withTestBatch) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      List<String> names = new ArrayList<>(Cifar10.TRAIN_FILES);
      if (withTestBatch) {
        names.add(Cifar10.TEST_FILE);
      }
      out.putArchiveEntry(new TarArchiveEntry(Cifar10.BATCHES_DIRECTORY + "/"));
      out.closeArchiveEntry();
      for (String name : names) {
        add(out, Cifar10.BATCHES_DIRECTORY + "/" + name, Cifar10Test.records(name.equals("test_batch.bin") ? 3 : 2,
            0));
      }
      add(out, Cifar10.BATCHES_DIRECTORY + "/readme.html", new byte[] {'h', 'i'});
      add(out, "../evil.bin", new byte[] {6, 6, 6});
      add(out, "evil.bin", new byte[] {6, 6, 6});
    }
    return tar.toByteArray();
  }

  private static void add(TarArchiveOutputStream out, String name, byte[] body) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(body.length);
    out.putArchiveEntry(entry);
    out.write(body);
    out.closeArchiveEntry();
  }

  private static String sha256(byte[] bytes) {
    try {
      return DownloaderTest.sha256(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  // --data is used or the run fails: before, each of these read Debian's or the cache's files instead.

  @Test
  void missingDataDirectory_failsWithoutLookingElsewhere() throws IOException {
    writeFashion(debian, 4);
    writeFashion(cache.resolve("fashion-mnist"), 5);
    assertEquals("Fashion-MNIST (test) was not found in " + user + " (--data): it does not exist.\n"
        + "  Nothing else was looked in: give --data a directory holding the files, or leave --data out to use the "
        + "usual places.", notFound(() -> explicit().build().fashionMnist(Split.TEST)));
  }

  @Test
  void dataDirectoryThatIsAFile_fails() throws IOException {
    writeFashion(debian, 4);
    Files.writeString(root.resolve("user"), "not a directory");
    assertTrue(notFound(() -> explicit().build().fashionMnist(Split.TEST)).startsWith(
        "Fashion-MNIST (test) was not found in " + user + " (--data): it is not a directory."));
  }

  @Test
  void dataDirectoryWithoutTheTestSplit_namesWhatIsMissing() throws IOException {
    writeFashion(debian, 4);
    IdxWriter.write(user.resolve(FashionMnist.imagesFileName(Split.TEST)),
        IdxWriter.gzip(IdxWriter.images(1, 2, 2, new byte[4])));
    IdxWriter.write(user.resolve(FashionMnist.imagesFileName(Split.TRAIN)),
        IdxWriter.gzip(IdxWriter.images(1, 2, 2, new byte[4])));
    assertTrue(notFound(() -> explicit().build().fashionMnist(Split.TEST)).startsWith(
        "Fashion-MNIST (test) was not found in " + user + " (--data): it has no t10k-labels-idx1-ubyte.gz."));
  }

  @Test
  void cifar_dataDirectoryWithoutTheTestBatch_failsWithoutLookingInTheCache() throws IOException {
    IdxWriter.write(cache.resolve("cifar-10-batches-bin").resolve("test_batch.bin"), Cifar10Test.records(2, 0));
    IdxWriter.write(user.resolve("data_batch_1.bin"), Cifar10Test.records(3, 0));
    assertTrue(notFound(() -> explicit().build().cifar10(Split.TEST)).startsWith(
        "CIFAR-10 (test) was not found in " + user + " (--data): it has no test_batch.bin."));
  }

  @Test
  void dataDirectory_isReported() {
    assertEquals(user, explicit().build().dataDirectory().orElseThrow());
    assertFalse(offline().build().dataDirectory().isPresent());
  }

  private static String notFound(org.junit.jupiter.api.function.Executable lookup) {
    return assertThrows(DatasetNotFoundException.class, lookup).getMessage();
  }

  @Test
  void notFound_isADatasetException() {
    assertInstanceOf(DatasetException.class, new DatasetNotFoundException("x"));
  }
}
