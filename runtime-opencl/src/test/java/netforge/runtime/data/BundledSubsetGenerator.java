package netforge.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the bundled Fashion-MNIST subset from the official files; skipped unless asked for. To regenerate it
 * (Debian's dataset-fashion-mnist installed), from the repository root:
 *
 * <pre>
 * mvn -B -o test -pl runtime-opencl -Dtest=BundledSubsetGenerator -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dnetforge.writeBundledSubset=/usr/share/datasets/fashion-mnist
 * </pre>
 *
 * then update the SHA-256 values in the subset's README.md and in {@link BundledSubsetTest}. The files are the
 * official IDX format with the count in the header changed, gzipped with level 9, modification time 0 and no file
 * name.
 */
class BundledSubsetGenerator {
  static final String PROPERTY = "netforge.writeBundledSubset";
  static final Path TARGET = Path.of("src/main/resources/netforge/runtime/data", FashionMnist.BUNDLED_RESOURCE_DIRECTORY);

  @Test
  @EnabledIfSystemProperty(named = PROPERTY, matches = ".+")
  void writeSubset() throws IOException {
    Path official = Path.of(System.getProperty(PROPERTY));
    write(FashionMnist.read(official, Split.TRAIN), Split.TRAIN, FashionMnist.BUNDLED_TRAIN_IMAGES);
    write(FashionMnist.read(official, Split.TEST), Split.TEST, FashionMnist.BUNDLED_TEST_IMAGES);
  }

  private static void write(ImageSet set, Split split, int count) throws IOException {
    ImageSet first = set.first(count);
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) first.labels()[i];
    }
    Files.createDirectories(TARGET);
    IdxWriter.write(TARGET.resolve(FashionMnist.imagesFileName(split)),
        IdxWriter.gzip(IdxWriter.images(count, first.height(), first.width(), first.pixels())));
    IdxWriter.write(TARGET.resolve(FashionMnist.labelsFileName(split)), IdxWriter.gzip(IdxWriter.labels(labels)));
    System.out.println("wrote the first " + count + " " + split.label() + " images to " + TARGET.toAbsolutePath()
        + "; class counts " + Arrays.toString(first.classCounts()));
  }
}
