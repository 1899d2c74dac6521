package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes the Fashion-MNIST reader gets, it loads them or throws a {@link DatasetException}: never another
 * exception, an out-of-memory error or a hang. jqwik prints the tries and how they ended after each property.
 */
class IdxReaderPropertyTest {
  /** A valid pair of files to mutate: count images of rows x columns, plain or gzipped. */
  record ValidSet(int count, int rows, int columns, boolean gzip) {
    byte[] images() {
      return maybeGzip(IdxWriter.images(count, rows, columns, FashionMnistTest.pixels(count, rows, columns)));
    }

    byte[] labels() {
      return maybeGzip(IdxWriter.labels(FashionMnistTest.labels(count)));
    }

    private byte[] maybeGzip(byte[] bytes) {
      try {
        return gzip ? IdxWriter.gzip(bytes) : bytes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Provide
  Arbitrary<ValidSet> validSets() {
    // At least one image: a well-formed file of 0 images is an EmptyDatasetException (FashionMnistTest).
    return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 6), Arbitraries.of(true, false))
        .as(ValidSet::new);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutation.any(16).list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    // Random bytes, some starting like an IDX or a gzip file so they get past the first check.
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    return Arbitraries.oneOf(noise,
        noise.map(b -> prefix(new byte[] {0, 0, 8, 3}, b)),
        noise.map(b -> prefix(new byte[] {0, 0, 8, 1}, b)),
        noise.map(b -> prefix(new byte[] {0x1f, (byte) 0x8b, 8, 0}, b)));
  }

  private static byte[] prefix(byte[] start, byte[] rest) {
    byte[] out = java.util.Arrays.copyOf(start, start.length + rest.length);
    System.arraycopy(rest, 0, out, start.length, rest.length);
    return out;
  }

  @Property(tries = 3000)
  void mutatedFiles_loadOrThrowDatasetException(@ForAll("validSets") ValidSet set,
      @ForAll("mutations") List<Mutation> onImages, @ForAll("mutations") List<Mutation> onLabels,
      @ForAll boolean mutateLabels) {
    byte[] images = set.images();
    byte[] labels = set.labels();
    for (Mutation mutation : onImages) {
      images = mutation.applyTo(images);
    }
    if (mutateLabels) {
      for (Mutation mutation : onLabels) {
        labels = mutation.applyTo(labels);
      }
    }
    Statistics.collect(outcome(images, labels));
  }

  @Property(tries = 2000)
  void randomFiles_loadOrThrowDatasetException(@ForAll("randomBytes") byte[] images,
      @ForAll("randomBytes") byte[] labels) {
    Statistics.collect(outcome(images, labels));
  }

  @Property(tries = 200)
  void unmutatedFiles_load(@ForAll("validSets") ValidSet set) throws DatasetException {
    ImageSet loaded = FashionMnist.read(DataFile.of("images", set.images()), DataFile.of("labels", set.labels()),
        Split.TRAIN, "valid");
    assertEquals(Tuple.of(set.count(), set.rows(), set.columns()),
        Tuple.of(loaded.size(), loaded.height(), loaded.width()));
  }

  /** "loaded", or the kind of problem the reader reported; fails the property on anything else. */
  static String outcome(byte[] images, byte[] labels) {
    try {
      FashionMnist.read(DataFile.of("images", images), DataFile.of("labels", labels), Split.TRAIN, "mutated");
      return "loaded";
    } catch (DatasetException e) {
      return "rejected: " + kind(e.getMessage());
    } catch (Throwable t) {
      fail("not a DatasetException: " + t, t);
      return "unreachable";
    }
  }

  /** The problem without the file name and numbers: "truncated: the header claims N images of NxN". */
  static String kind(String message) {
    String problem = message.substring(message.indexOf(": ") + 2).replaceAll("0x[0-9A-F]+", "#")
        .replaceAll("-?[0-9]+", "N");
    return problem.length() > 48 ? problem.substring(0, 48) : problem;
  }
}
