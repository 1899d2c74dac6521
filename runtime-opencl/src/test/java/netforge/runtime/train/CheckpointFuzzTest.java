package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import netforge.runtime.io.SafetensorsException;
import netforge.runtime.io.SafetensorsFile;
import netforge.runtime.io.SafetensorsWriter;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import org.junit.jupiter.api.Test;

/** The checkpoint reader on good files and on files whose checkpoint metadata is damaged. */
class CheckpointFuzzTest {
  /** A 2-layer network: dense 4 -> 3 with bias. */
  static final NetworkSpec SPEC = new NetworkSpec("Tiny", new int[] {4, 1, 1}, 3, List.of(
      new LayerSpec("fc", "@Dense(out = 3)", List.of(new OpSpec.Dense(3, true)), new int[] {4, 1, 1},
          new int[] {3}, 15, 24)), List.of(new ParamSpec("fc.weight", new int[] {3, 4}, 0, 4),
      new ParamSpec("fc.bias", new int[] {3}, 12, 4)));
  static final String[] KEYS = {"epoch", "engine.step", "optimizer.steps", "optimizer", "seed", "batch", "limit",
      "history", "history.steps", "netforge.checkpoint", "network"};

  private static Checkpoint sample() {
    float[] params = new float[15];
    for (int i = 0; i < params.length; i++) {
      params[i] = i * 0.25f;
    }
    return new Checkpoint("Tiny", 2, 17, 17, "adam(lr=0.001)", 7, 8, 64, 32, new int[] {3, 1, 2, 0}, params,
        Map.of("exp_avg", new float[15], "exp_avg_sq", new float[15]),
        List.of(new EpochRecord(1, 2.0, 0.1, 2.1, 0.2, 0.001, 3.5, 20), new EpochRecord(2, 1.5, 0.3, 1.6, 0.4, 0.001,
            3.4, 21)),
        List.of(new StepRecord(3, 24, 1, 2.2, 0.15, 2.15, 0.18), new StepRecord(8, 64, 1, 1.9, 0.2, 2.1, 0.2)));
  }

  @Test
  void writeThenRead_givesTheSameCheckpoint() throws IOException {
    Path file = Files.createTempFile("checkpoint", ".safetensors");
    try {
      Checkpoint original = sample();
      original.write(file, SPEC);
      Checkpoint read = Checkpoint.read(file, SPEC);
      assertEquals(original.epoch(), read.epoch());
      assertEquals(original.engineStep(), read.engineStep());
      assertEquals(original.optimizer(), read.optimizer());
      assertArrayEquals(original.parameters(), read.parameters());
      assertArrayEquals(original.dataOrder(), read.dataOrder());
      assertEquals(original.history(), read.history());
      assertEquals(original.steps(), read.steps());
      assertEquals(original.optimizerState().keySet(), read.optimizerState().keySet());
    } finally {
      Files.delete(file);
    }
  }

  /** Checkpoints written before points by steps were recorded have none: they resume with an empty list. */
  @Test
  void checkpointWithoutSteps_readsWithNone() throws IOException {
    Path good = Files.createTempFile("checkpoint", ".safetensors");
    Path old = Files.createTempFile("checkpoint", ".safetensors");
    try {
      sample().write(good, SPEC);
      SafetensorsFile f = SafetensorsFile.read(good);
      SafetensorsWriter writer = SafetensorsFile.writer();
      f.metadata().forEach((key, value) -> {
        if (!key.equals(Checkpoint.STEPS)) {
          writer.metadata(key, value);
        }
      });
      for (String name : f.names()) {
        writer.bytes(name, f.dtype(name), f.bytes(name), f.shape(name));
      }
      writer.write(old);
      Checkpoint read = Checkpoint.read(old, SPEC);
      assertEquals(List.of(), read.steps());
      assertEquals(sample().history(), read.history());
    } finally {
      Files.delete(good);
      Files.delete(old);
    }
  }

  @Test
  void weightsFile_isNotACheckpoint() throws IOException {
    Path file = Files.createTempFile("weights", ".safetensors");
    try {
      netforge.runtime.io.Safetensors.save(file, SPEC, new float[15]);
      SafetensorsException e = assertThrows(SafetensorsException.class, () -> Checkpoint.read(file, SPEC));
      assertTrue(e.getMessage().contains("not a NetForge checkpoint"), e.getMessage());
    } finally {
      Files.delete(file);
    }
  }

  /** Any checkpoint metadata value replaced by junk: read, or a SafetensorsException naming the file. */
  @Property(tries = 600)
  void damagedMetadata_readsOrFailsWithAClearError(@ForAll("keys") String key, @ForAll("junk") String value)
      throws IOException {
    Path good = Files.createTempFile("checkpoint", ".safetensors");
    Path bad = Files.createTempFile("checkpoint", ".safetensors");
    try {
      sample().write(good, SPEC);
      SafetensorsFile f = SafetensorsFile.read(good);
      SafetensorsWriter writer = SafetensorsFile.writer();
      for (Map.Entry<String, String> m : f.metadata().entrySet()) {
        writer.metadata(m.getKey(), m.getKey().equals(key) ? value : m.getValue());
      }
      for (String name : f.names()) {
        writer.bytes(name, f.dtype(name), f.bytes(name), f.shape(name));
      }
      writer.write(bad);
      try {
        Checkpoint.read(bad, SPEC);
      } catch (SafetensorsException expected) {
        assertTrue(expected.getMessage().startsWith(bad.toString()), expected.getMessage());
      }
    } finally {
      Files.delete(good);
      Files.delete(bad);
    }
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of(KEYS);
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), Arbitraries.of("", "-1", "NaN",
        "99999999999999999999", "[", "[{}]", "[{\"epoch\":\"x\"}]", "null", "1.5", "Tiny2"));
  }
}
