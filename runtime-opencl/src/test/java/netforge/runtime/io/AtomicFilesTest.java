package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void write_newFile_hasTheContent() throws IOException {
    Path target = dir.resolve("new.bin");
    AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
    assertEquals("hello", Files.readString(target));
    assertEquals(List.of("new.bin"), listing());
  }

  @Test
  void write_existingFile_isReplaced() throws IOException {
    Path target = Files.writeString(dir.resolve("model.safetensors"), "old");
    AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("model.safetensors"), listing());
  }

  @Test
  void moveIntoPlace_replacesTheTarget_andLeavesNoSource() throws IOException {
    Path source = Files.writeString(dir.resolve(".data.bin.part"), "downloaded");
    Path target = Files.writeString(dir.resolve("data.bin"), "stale");
    AtomicFiles.moveIntoPlace(source, target);
    assertEquals("downloaded", Files.readString(target));
    assertEquals(List.of("data.bin"), listing());
  }

  @Test
  void moveIntoPlace_missingSource_failsAndLeavesTheTarget() throws IOException {
    Path target = Files.writeString(dir.resolve("data.bin"), "kept");
    assertThrows(NoSuchFileException.class, () -> AtomicFiles.moveIntoPlace(dir.resolve("gone.part"), target));
    assertEquals("kept", Files.readString(target));
  }

  @Test
  void write_contentThrowsMidway_leavesOldFileAndNoTemporary() throws IOException {
    Path target = Files.writeString(dir.resolve("model.safetensors"), "the last good checkpoint");
    IOException failure = new IOException("disk full");
    IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      // Far more than any buffer holds, so part of it has reached the temporary file.
      out.write(new byte[1 << 20]);
      throw failure;
    }));
    assertSame(failure, thrown);
    assertEquals("the last good checkpoint", Files.readString(target));
    assertEquals(List.of("model.safetensors"), listing());
  }

  @Test
  void write_contentThrowsRuntimeException_leavesOldFileAndNoTemporary() throws IOException {
    Path target = Files.write(dir.resolve("model.safetensors"), new byte[] {1, 2, 3});
    assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
      out.write(new byte[100]);
      throw new IllegalStateException("bug in the writer");
    }));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    assertEquals(List.of("model.safetensors"), listing());
  }

  @Test
  void write_contentThrowsAndNoOldFile_createsNothing() {
    Path target = dir.resolve("model.safetensors");
    assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
      throw new UncheckedIOException(new IOException("no"));
    }));
    assertFalse(Files.exists(target));
    assertEquals(List.of(), listing());
  }

  @Test
  void removeLeftovers_deletesOnlyTheTargetsTemporaryFiles() throws IOException {
    Path target = Files.writeString(dir.resolve("checkpoint.safetensors"), "good");
    Files.writeString(dir.resolve(".checkpoint.safetensors.1f2e3d4c5b6a7988.tmp"), "half written");
    Files.writeString(dir.resolve(".best.safetensors.0123456789abcdef.tmp"), "another target's");
    Files.writeString(dir.resolve("notes.tmp"), "not ours");
    AtomicFiles.removeLeftovers(target);
    assertEquals(List.of(".best.safetensors.0123456789abcdef.tmp", "checkpoint.safetensors", "notes.tmp"),
        listing());
  }

  @Test
  void write_intoMissingDirectory_failsAndCreatesNothing() {
    Path target = dir.resolve("missing").resolve("model.safetensors");
    assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(target, out -> out.write(1)));
    assertEquals(List.of(), listing());
  }

  private List<String> listing() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
