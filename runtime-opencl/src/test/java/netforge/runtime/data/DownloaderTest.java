package netforge.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against an HTTP server on this machine: the checked success path and each way it refuses. */
class DownloaderTest {
  private static final byte[] CONTENT = "the bytes of a data set file, not very many of them".repeat(5_000)
      .getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;
  private LocalHttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new LocalHttpServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static RemoteFile remote(byte[] expected, URI... urls) throws Exception {
    return new RemoteFile("data.bin", expected.length, sha256(expected), List.of(urls));
  }

  private List<String> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void rightBytes_landUnderTheFileNameWithAProgressBar() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Downloader downloader = Downloader.withProgressBarOn(new PrintStream(progress, true, StandardCharsets.UTF_8));
    Path file = downloader.download(remote(CONTENT, server.serve("/data.bin", CONTENT)), dir.resolve("cache"));
    assertEquals(dir.resolve("cache").resolve("data.bin"), file);
    assertArrayEquals(CONTENT, Files.readAllBytes(file));
    assertEquals(List.of("data.bin"), filesIn(dir.resolve("cache")), "no temporary file is left");
    assertTrue(progress.toString(StandardCharsets.UTF_8).contains("data.bin"), progress.toString());
  }

  @Test
  void checksumMismatch_isRefusedAndLeavesNothing() throws Exception {
    byte[] tampered = CONTENT.clone();
    tampered[1234] ^= 1;
    RemoteFile file = remote(CONTENT, server.serve("/data.bin", tampered));
    DatasetException e = assertThrows(DatasetException.class, () -> Downloader.quiet().download(file, dir));
    assertTrue(e.getMessage().startsWith("data.bin: download failed:\n  " + file.urls().get(0) + ": SHA-256 of the"
        + " download is " + sha256(tampered) + ", expected " + sha256(CONTENT)), e.getMessage());
    assertEquals(List.of(), filesIn(dir), "neither the file nor a temporary one is left");
  }

  @Test
  void checksumMismatch_keepsAnOlderGoodFile() throws Exception {
    Files.write(dir.resolve("data.bin"), CONTENT);
    byte[] tampered = CONTENT.clone();
    tampered[0] ^= 1;
    RemoteFile file = remote(CONTENT, server.serve("/data.bin", tampered));
    assertThrows(DatasetException.class, () -> Downloader.quiet().download(file, dir));
    assertArrayEquals(CONTENT, Files.readAllBytes(dir.resolve("data.bin")));
  }

  @Test
  void missingFile_reportsTheHttpStatus() throws Exception {
    RemoteFile file = remote(CONTENT, server.url("/nothing-here"));
    DatasetException e = assertThrows(DatasetException.class, () -> Downloader.quiet().download(file, dir));
    assertEquals("data.bin: download failed:\n  " + file.urls().get(0) + ": HTTP status 404", e.getMessage());
  }

  @Test
  void wrongAnnouncedSize_isRefusedBeforeReading() throws Exception {
    RemoteFile file = remote(CONTENT, server.serve("/data.bin", "short".getBytes(StandardCharsets.US_ASCII)));
    DatasetException e = assertThrows(DatasetException.class, () -> Downloader.quiet().download(file, dir));
    assertTrue(e.getMessage().endsWith("the server announces 5 bytes, expected " + CONTENT.length), e.getMessage());
  }

  @Test
  void connectionThatEndsEarly_isRefused() throws Exception {
    RemoteFile file = remote(CONTENT, server.serveTruncated("/data.bin", CONTENT, 1000));
    DatasetException e = assertThrows(DatasetException.class, () -> Downloader.quiet().download(file, dir));
    assertTrue(e.getMessage().endsWith("the download ended after 1000 of " + CONTENT.length + " bytes"),
        e.getMessage());
    assertEquals(List.of(), filesIn(dir));
  }

  @Test
  void failingMirror_fallsBackToTheNext() throws Exception {
    RemoteFile file = remote(CONTENT, server.url("/gone"), server.serve("/mirror/data.bin", CONTENT));
    Path got = Downloader.quiet().download(file, dir);
    assertArrayEquals(CONTENT, Files.readAllBytes(got));
  }

  @Test
  void unreachableServer_isADatasetException() throws Exception {
    URI url = server.url("/data.bin");
    server.close();
    RemoteFile file = remote(CONTENT, url);
    DatasetException e = assertThrows(DatasetException.class, () -> Downloader.quiet().download(file, dir));
    assertTrue(e.getMessage().contains(url.toString()), e.getMessage());
    assertFalse(Files.exists(dir.resolve("data.bin")));
  }
}
