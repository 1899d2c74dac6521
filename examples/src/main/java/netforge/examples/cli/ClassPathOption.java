package netforge.examples.cli;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --classpath}: where the user's own networks are, for {@code --network com.example.MyNet}. */
public final class ClassPathOption {
  @Option(names = {"--classpath", "-cp"}, paramLabel = "PATHS", split = "${sys:path.separator}",
      description = "Directories and jars holding networks of your own (their generated model classes and .cl "
          + "files), separated by '${sys:path.separator}', e.g. target/classes.")
  List<Path> entries = List.of();

  /** One loader per command, so that every lookup sees the same classes (it lives as long as the command). */
  private ClassLoader loader;

  /**
   * A class loader that sees the command line's own classes (the runtime, the examples) and then {@code --classpath}.
   *
   * @throws IllegalArgumentException naming an entry that does not exist
   */
  public ClassLoader loader() {
    if (loader == null) {
      loader = newLoader();
    }
    return loader;
  }

  private ClassLoader newLoader() {
    ClassLoader own = ClassPathOption.class.getClassLoader();
    if (entries.isEmpty()) {
      return own;
    }
    List<URL> urls = new ArrayList<>();
    for (Path entry : entries) {
      if (!Files.exists(entry)) {
        throw new IllegalArgumentException("--classpath " + entry + ": no such directory or jar");
      }
      try {
        urls.add(entry.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--classpath " + entry + ": not a usable path: " + e.getMessage(), e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), own);
  }
}
