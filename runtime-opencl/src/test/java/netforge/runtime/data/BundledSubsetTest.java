package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Fashion-MNIST subset that ships on the class path. */
class BundledSubsetTest {
  /** The committed files' SHA-256, as the subset's README.md lists them. */
  static final Map<String, String> SHA256 = Map.of(
      "train-images-idx3-ubyte.gz", "c65d0050fa025a5a62c9790f81990f77f14ed36986f5e7c500f7c3e1724dff7a",
      "train-labels-idx1-ubyte.gz", "de6702f09ef9334a9f3f62bd3ea9f1a523fcbd8cd2f3c98b4d2c5d6c6a3bb109",
      "t10k-images-idx3-ubyte.gz", "54d129cc094c51d0496db5197d51ebc9ecc94cc743220d1d4077c752869991ca",
      "t10k-labels-idx1-ubyte.gz", "dbcee292a255fe70d571317bf37c89b845f3177427c61a23f68e4230b262a846");

  @Test
  void files_haveThePinnedChecksums() throws Exception {
    for (Map.Entry<String, String> file : SHA256.entrySet()) {
      try (InputStream in = FashionMnist.class.getResourceAsStream("fashion-mnist-subset/" + file.getKey())) {
        assertEquals(file.getValue(), DownloaderTest.sha256(in.readAllBytes()), file.getKey());
      }
    }
  }

  @Test
  void train_isTheFirst4000Images() {
    ImageSet train = FashionMnist.bundledSubset(Split.TRAIN);
    assertEquals(4_000, train.size());
    assertEquals(new ImageShape(1, 28, 28), train.shape());
    assertArrayEquals(new int[] {373, 440, 404, 409, 395, 391, 400, 413, 380, 395}, train.classCounts());
    assertEquals("the bundled subset (class path netforge/runtime/data/fashion-mnist-subset/): the first 4000 of the"
        + " 60000 official training images", train.source());
    assertEquals(9, train.labels()[0], "the official training set starts with an ankle boot");
  }

  @Test
  void test_isTheFirst1000Images() {
    ImageSet test = FashionMnist.bundledSubset(Split.TEST);
    assertEquals(1_000, test.size());
    assertArrayEquals(new int[] {107, 105, 111, 93, 115, 87, 97, 95, 95, 95}, test.classCounts());
    assertTrue(test.source().contains("the first 1000 of the 10000 official test images"), test.source());
  }

  @Test
  void subset_equalsTheOfficialFilesWhereDebianHasThem() throws IOException {
    assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIRECTORY), "Debian's dataset-fashion-mnist is not installed");
    for (Split split : Split.values()) {
      ImageSet subset = FashionMnist.bundledSubset(split);
      ImageSet official = FashionMnist.read(FashionMnist.DEBIAN_DIRECTORY, split).first(subset.size());
      assertArrayEquals(official.pixels(), subset.pixels(), split.label());
      assertArrayEquals(official.labels(), subset.labels(), split.label());
      assertTrue(Arrays.equals(official.classCounts(), subset.classCounts()));
    }
  }
}
