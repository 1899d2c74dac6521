package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesClosingWriterTest {
  @Test
  void write_contentThatClosesItsStream_stillSyncsAndRenames(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("history.json");
    AtomicFiles.write(target, out -> {
      out.write("[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
      out.close(); // as Jackson's ObjectMapper.writeValue(OutputStream, ...) does
    });
    assertEquals("[1, 2, 3]", Files.readString(target));
  }
}
