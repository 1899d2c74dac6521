package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST's fallback chain: the full set where it is, else the bundled subset, announced; never past --data. */
class FashionMnistDatasetTest {
  @TempDir
  Path root;

  private final List<String> notices = new ArrayList<>();

  private DatasetLocator.Builder offline() {
    return DatasetLocator.builder().debianDirectory(root.resolve("debian")).cacheDirectory(root.resolve("cache"))
        .downloadsOff("they are turned off by the test");
  }

  @Test
  void foundNowhere_isTheBundledSubset_announced() throws DatasetException {
    ImageSet train = Dataset.fashionMnist(offline().build(), notices::add).load(Split.TRAIN);
    assertEquals(FashionMnist.bundledSubset(Split.TRAIN), train);
    assertEquals(List.of("the full Fashion-MNIST (train) was not found, so the 4,000-image subset bundled with "
        + "NetForge is used instead. For the full set: " + FashionMnist.DEBIAN_INSTALL_COMMAND + ", or a directory "
        + "holding its files (--data DIR; DatasetLocator.Builder.dataDirectory in code)."), notices);
  }

  @Test
  void foundInTheCache_isReadSilently() throws IOException {
    Path cache = root.resolve("cache").resolve(DatasetLocator.FASHION_CACHE);
    IdxWriter.write(cache.resolve(FashionMnist.imagesFileName(Split.TEST)),
        IdxWriter.gzip(IdxWriter.images(3, 28, 28, FashionMnistTest.pixels(3, 28, 28))));
    IdxWriter.write(cache.resolve(FashionMnist.labelsFileName(Split.TEST)),
        IdxWriter.gzip(IdxWriter.labels(FashionMnistTest.labels(3))));
    ImageSet test = Dataset.fashionMnist(offline().build(), notices::add).load(Split.TEST);
    assertEquals(3, test.size());
    assertTrue(test.source().startsWith(cache.toString()), test.source());
    assertEquals(List.of(), notices);
  }

  @Test
  void aDirectoryTheUserNamed_isNeverReplacedByTheSubset() {
    Path typo = root.resolve("typo");
    DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
        () -> Dataset.fashionMnist(offline().dataDirectory(typo).build(), notices::add).load(Split.TEST));
    assertTrue(e.getMessage().startsWith("Fashion-MNIST (test) was not found in " + typo), e.getMessage());
    assertEquals(List.of(), notices);
  }

  @Test
  void pipeline_fitsEachNetwork_andRefusesTwoChannels() {
    Dataset fashion = Dataset.fashionMnist(offline().build(), notices::add);
    ImageShape stored = new ImageShape(1, 28, 28);
    assertEquals("ToTensor -> Normalize(mean=[0.5], std=[0.5])",
        fashion.pipeline(new ImageShape(1, 28, 28), true).toString());
    assertEquals(new ImageShape(3, 32, 32), fashion.pipeline(new ImageShape(3, 32, 32), false).outputShape(stored));
    assertEquals("Fashion-MNIST is grey; a network with 2 input channels cannot take it",
        assertThrows(IllegalArgumentException.class, () -> fashion.pipeline(new ImageShape(2, 28, 28), false))
            .getMessage());
  }
}
