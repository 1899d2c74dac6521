package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole real Fashion-MNIST, from Debian's dataset-fashion-mnist (CI installs it; skipped where it is missing):
 * the reader on the official 60,000 + 10,000 images, and the checksums NetForge pins for them.
 */
class DebianFashionMnistTest {
  private static final Path DEBIAN = FashionMnist.DEBIAN_DIRECTORY;

  @BeforeAll
  static void needsThePackage() {
    assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist is not installed (" + DEBIAN + ")");
  }

  @Test
  void train_has60000BalancedImages() throws IOException {
    ImageSet train = FashionMnist.read(DEBIAN, Split.TRAIN);
    assertEquals(60_000, train.size());
    assertEquals(new ImageShape(1, 28, 28), train.shape());
    int[] sixThousandEach = new int[10];
    java.util.Arrays.fill(sixThousandEach, 6_000);
    assertArrayEquals(sixThousandEach, train.classCounts());
  }

  @Test
  void test_has10000BalancedImages() throws IOException {
    ImageSet test = DatasetLocator.builder().debianDirectory(DEBIAN).downloadsOff("not in a test").build().fashionMnist(Split.TEST);
    assertEquals(10_000, test.size());
    int[] thousandEach = new int[10];
    java.util.Arrays.fill(thousandEach, 1_000);
    assertArrayEquals(thousandEach, test.classCounts());
  }

  @Test
  void contents_areTheOfficialBytes() throws Exception {
    List<String> names = FashionMnist.OFFICIAL_FILES.stream().map(RemoteFile::fileName).toList();
    for (int i = 0; i < names.size(); i++) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(
          Files.newInputStream(DEBIAN.resolve(names.get(i)))))) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) != -1; ) {
          digest.update(buffer, 0, n);
        }
      }
      assertEquals(FashionMnist.OFFICIAL_CONTENT_SHA256.get(i), HexFormat.of().formatHex(digest.digest()),
          names.get(i));
    }
  }
}
