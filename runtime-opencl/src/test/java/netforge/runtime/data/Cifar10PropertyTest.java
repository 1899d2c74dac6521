package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes the CIFAR-10 reader gets, it loads them or throws a {@link DatasetException}, nothing else. jqwik
 * prints the tries and how they ended after each property.
 */
class Cifar10PropertyTest {
  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutation.any(8).list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 2000)
  void mutatedBatches_loadOrThrowDatasetException(@ForAll("mutations") List<Mutation> mutations,
      @ForAll("recordCounts") int records, @ForAll boolean twoFiles) {
    byte[] bytes = Cifar10Test.records(records, 0);
    for (Mutation mutation : mutations) {
      bytes = mutation.applyTo(bytes);
    }
    List<DataFile> files = new ArrayList<>(List.of(DataFile.of("data_batch_1.bin", bytes)));
    if (twoFiles) {
      files.add(DataFile.of("data_batch_2.bin", Cifar10Test.records(1, 3)));
    }
    Statistics.collect(outcome(files));
  }

  @Provide
  Arbitrary<Integer> recordCounts() {
    return Arbitraries.integers().between(1, 4);
  }

  @Property(tries = 1000)
  void randomBytes_loadOrThrowDatasetException(@ForAll("randomSizes") byte[] bytes) {
    Statistics.collect(outcome(List.of(DataFile.of("test_batch.bin", bytes))));
  }

  @Provide
  Arbitrary<byte[]> randomSizes() {
    // Around whole records too, so some random files have a valid size and reach the label checks.
    return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(7000),
        Arbitraries.integers().between(1, 3).flatMap(n -> Arbitraries.bytes().array(byte[].class)
            .ofSize(n * Cifar10.RECORD_BYTES)));
  }

  static String outcome(List<DataFile> files) {
    try {
      Cifar10.read(files, Split.TRAIN, "mutated");
      return "loaded";
    } catch (DatasetException e) {
      return "rejected: " + IdxReaderPropertyTest.kind(e.getMessage());
    } catch (Throwable t) {
      fail("not a DatasetException: " + t, t);
      return "unreachable";
    }
  }
}
