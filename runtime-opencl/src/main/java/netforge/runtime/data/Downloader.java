package netforge.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import netforge.runtime.io.AtomicFiles;

/**
 * Downloads a {@link RemoteFile} over HTTP(S) into a directory, safely: the bytes go to a temporary file next to the
 * target, their size and SHA-256 are checked, and only then is the file renamed into place (atomically where the
 * file system can), so the target name only ever holds a complete, checked file. A progress bar shows how it goes.
 * The URLs of a file are tried in order until one gives the right bytes.
 */
public final class Downloader {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);
  private static final int BUFFER_BYTES = 1 << 16;

  private final PrintStream progress;
  private HttpClient client; // made on the first download: most runs find their data and never need one

  private Downloader(PrintStream progress) {
    this.progress = progress;
  }

  /** A downloader that draws a progress bar on standard error. */
  public static Downloader withProgressBar() {
    return new Downloader(System.err);
  }

  /** A downloader that draws its progress bar on {@code out}. */
  public static Downloader withProgressBarOn(PrintStream out) {
    return new Downloader(out);
  }

  /** A downloader that prints nothing. */
  public static Downloader quiet() {
    return new Downloader(null);
  }

  private synchronized HttpClient client() {
    if (client == null) {
      // NORMAL follows redirects, but never from https to http.
      client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
          .build();
    }
    return client;
  }

  /**
   * Downloads {@code file} to {@code directory/file.fileName()} (replacing what is there) and returns that path.
   *
   * @throws DatasetException if no URL gave the right bytes; the message says what each one gave
   */
  public Path download(RemoteFile file, Path directory) throws DatasetException {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new DatasetException(directory + ": cannot create the download directory (" + e + ")", e);
    }
    Path target = directory.resolve(file.fileName());
    List<String> failures = new ArrayList<>();
    DatasetException last = null;
    for (URI url : file.urls()) {
      try {
        downloadFrom(url, file, target);
        return target;
      } catch (DatasetException e) {
        failures.add("  " + url + ": " + e.getMessage());
        last = e;
      }
    }
    throw new DatasetException(file.fileName() + ": download failed:\n" + String.join("\n", failures),
        last);
  }

  private void downloadFrom(URI url, RemoteFile file, Path target) throws DatasetException {
    Path partial = null;
    try {
      HttpRequest request = HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT)
          .header("User-Agent", "NetForge dataset downloader").GET().build();
      HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new DatasetException("HTTP status " + response.statusCode());
        }
        OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
        if (announced.isPresent() && announced.getAsLong() != file.size()) {
          throw new DatasetException("the server announces " + announced.getAsLong() + " bytes, expected "
              + file.size());
        }
        partial = Files.createTempFile(target.getParent(), "." + file.fileName() + ".", ".part");
        String sha256 = copyChecked(body, partial, file);
        if (!sha256.equals(file.sha256())) {
          throw new DatasetException("SHA-256 of the download is " + sha256 + ", expected " + file.sha256()
              + " (the download is corrupt, or the file changed upstream); discarded it");
        }
      }
      AtomicFiles.moveIntoPlace(partial, target);
      partial = null;
    } catch (DatasetException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatasetException("interrupted", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new DatasetException(e.toString(), e);
    } finally {
      deleteQuietly(partial);
    }
  }

  /** Copies {@code body} to {@code partial}, stopping past the expected size; returns the SHA-256 of the bytes. */
  private String copyChecked(InputStream body, Path partial, RemoteFile file) throws IOException {
    MessageDigest digest = sha256();
    long total = 0;
    try (OutputStream out = Files.newOutputStream(partial); ProgressBar bar = progressBar(file)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int n; (n = body.read(buffer)) != -1; ) {
        total += n;
        if (total > file.size()) {
          throw new DatasetException("the server sent more than the expected " + file.size() + " bytes");
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
        if (bar != null) {
          bar.stepBy(n);
        }
      }
    }
    if (total != file.size()) {
      throw new DatasetException("the download ended after " + total + " of " + file.size() + " bytes");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private ProgressBar progressBar(RemoteFile file) {
    if (progress == null) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName(file.fileName()).setInitialMax(file.size()).setUnit("MiB", 1 << 20)
        .showSpeed().setConsumer(new ConsoleProgressBarConsumer(progress)).build();
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // A stray .part file is harmless; the next download uses a new name.
      }
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The SHA-256 of a file, as lower-case hex. */
  public static String sha256Of(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int n; (n = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
