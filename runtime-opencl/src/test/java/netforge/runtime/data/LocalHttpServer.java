package netforge.runtime.data;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on the loopback interface that serves fixed bytes at fixed paths, for download tests. */
final class LocalHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> truncatedTo = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = files.get(exchange.getRequestURI().getPath());
      try (exchange) {
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        Integer cut = truncatedTo.get(exchange.getRequestURI().getPath());
        // Chunked (length 0) when cut, so the client learns the size only from what arrives.
        exchange.sendResponseHeaders(200, cut == null ? body.length : 0);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body, 0, cut == null ? body.length : cut);
        }
      }
    });
    server.start();
  }

  /** Serves {@code body} at {@code path} and returns its URL. */
  URI serve(String path, byte[] body) {
    files.put(path, body);
    return url(path);
  }

  /** Serves only the first {@code length} bytes of {@code body}, without announcing a length. */
  URI serveTruncated(String path, byte[] body, int length) {
    truncatedTo.put(path, length);
    return serve(path, body);
  }

  /** The URL of {@code path} here, served or not. */
  URI url(String path) {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
