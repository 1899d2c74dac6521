package netforge.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import netforge.runtime.io.CacheHome;

/**
 * Finds a data set's files and reads them. A directory the user gave ({@code --data DIR}) is the only place looked
 * in: if it does not exist, is not a directory or lacks the split's files, a {@link DatasetNotFoundException} says
 * which, and nothing else is read, so that a mistyped path never trains on other data than the user named.
 * Without one, Fashion-MNIST is looked for in Debian's package directory, then in the download cache; CIFAR-10 in
 * the cache. If none has it, the official files are downloaded into the cache (checksum-checked, see
 * {@link Downloader}), unless downloads are off. If that is not possible either, a
 * {@link DatasetNotFoundException} lists every place looked and how to get the files.
 *
 * <p>A place that has the files but whose files are broken is not skipped: its {@link DatasetException} is thrown,
 * since quietly reading something else would hide the problem.
 *
 * <p>The default cache directory comes from the system property {@value #CACHE_PROPERTY} or the environment variable
 * {@value #CACHE_ENVIRONMENT}, else {@code $XDG_CACHE_HOME/netforge/datasets}, else
 * {@code ~/.cache/netforge/datasets}. Whether downloads are allowed is the caller's explicit choice
 * ({@link Builder#downloadsOff}); no system setting turns them off.
 */
public final class DatasetLocator {
  public static final String CACHE_PROPERTY = "netforge.datasets";
  public static final String CACHE_ENVIRONMENT = "NETFORGE_DATASETS";
  static final String FASHION_CACHE = "fashion-mnist";

  private final Path dataDirectory;
  private final Path debianDirectory;
  private final Path cacheDirectory;
  private final Downloader downloader;
  private final String downloadsOffBecause;
  private final List<RemoteFile> fashionMnistFiles;
  private final RemoteFile cifar10Archive;

  private DatasetLocator(Builder builder) {
    this.dataDirectory = builder.dataDirectory;
    this.debianDirectory = builder.debianDirectory;
    this.cacheDirectory = builder.cacheDirectory;
    this.downloader = builder.downloader;
    this.downloadsOffBecause = builder.downloadsOffBecause;
    this.fashionMnistFiles = builder.fashionMnistFiles;
    this.cifar10Archive = builder.cifar10Archive;
  }

  /** A locator with the official sources, Debian's directory, the default cache and downloads on; change any. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where downloads go unless told otherwise; see the class documentation. */
  public static Path defaultCacheDirectory() {
    String configured = setting(CACHE_PROPERTY, CACHE_ENVIRONMENT);
    if (configured != null) {
      return Path.of(configured);
    }
    return CacheHome.resolve("datasets");
  }

  private static String setting(String property, String environment) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environment);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Finds and reads Fashion-MNIST's {@code split}. */
  public ImageSet fashionMnist(Split split) throws DatasetException {
    if (dataDirectory != null) {
      if (FashionMnist.isIn(dataDirectory, split)) {
        return FashionMnist.read(dataDirectory, split);
      }
      throw notInDataDirectory(FashionMnist.NAME, split, fashionMissing(dataDirectory, split));
    }
    List<String> looked = new ArrayList<>();
    if (FashionMnist.isIn(debianDirectory, split)) {
      return FashionMnist.read(debianDirectory, split);
    }
    looked.add(debianDirectory + " (Debian's dataset-fashion-mnist): " + fashionMissing(debianDirectory, split));
    Path cache = cacheDirectory.resolve(FASHION_CACHE);
    if (FashionMnist.isIn(cache, split)) {
      return FashionMnist.read(cache, split);
    }
    looked.add(cache + " (download cache): " + fashionMissing(cache, split));
    List<RemoteFile> files = fashionMnistFiles.stream()
        .filter(f -> f.fileName().equals(FashionMnist.imagesFileName(split))
            || f.fileName().equals(FashionMnist.labelsFileName(split)))
        .toList();
    if (downloadsOffBecause != null) {
      looked.add("download: not tried, " + downloadsOffBecause);
    } else {
      try {
        for (RemoteFile file : files) {
          if (!Files.isRegularFile(cache.resolve(file.fileName()))) {
            downloader.download(file, cache);
          }
        }
        return FashionMnist.read(cache, split);
      } catch (DatasetException e) {
        looked.add("download: " + indentContinuation(e.getMessage()));
      }
    }
    String urls = files.stream().map(f -> f.urls().get(0).toString()).collect(Collectors.joining("\n      "));
    throw new DatasetNotFoundException(FashionMnist.NAME + " (" + split.label() + ") was not found. Looked in:\n"
        + bullets(looked)
        + "To get it, do one of:\n"
        + "  - install Debian's package: " + FashionMnist.DEBIAN_INSTALL_COMMAND + "\n"
        + "  - download the official files\n      " + urls + "\n"
        + "    into a directory and pass it with --data DIR\n"
        + "  - allow downloads, and NetForge fetches and checks them into " + cache + "\n"
        + "For a quick try without the full set, FashionMnist.bundledSubset(Split) holds "
        + FashionMnist.BUNDLED_TRAIN_IMAGES + " training and " + FashionMnist.BUNDLED_TEST_IMAGES
        + " test images of it.");
  }

  /** Finds and reads CIFAR-10's {@code split}. */
  public ImageSet cifar10(Split split) throws DatasetException {
    if (dataDirectory != null) {
      if (Cifar10.batchesDirectory(dataDirectory, split).isPresent()) {
        return Cifar10.read(dataDirectory, split);
      }
      throw notInDataDirectory(Cifar10.NAME, split, cifarMissing(dataDirectory, split));
    }
    List<String> looked = new ArrayList<>();
    Path batches = cacheDirectory.resolve(Cifar10.BATCHES_DIRECTORY);
    if (hasAll(batches, Cifar10.fileNames(split))) {
      return Cifar10.read(batches, split);
    }
    looked.add(batches + " (download cache): " + cifarMissing(batches, split));
    if (downloadsOffBecause != null) {
      looked.add("download: not tried, " + downloadsOffBecause);
    } else {
      try {
        Path archive = downloader.download(cifar10Archive, cacheDirectory);
        Cifar10Archive.unpack(archive, cacheDirectory);
        deleteQuietly(archive); // 170 MB that the unpacked files make redundant
        return Cifar10.read(batches, split);
      } catch (DatasetException e) {
        looked.add("download: " + indentContinuation(e.getMessage()));
      }
    }
    throw new DatasetNotFoundException(Cifar10.NAME + " (" + split.label() + ") was not found. Looked in:\n"
        + bullets(looked)
        + "To get it, do one of:\n"
        + "  - download the binary version " + cifar10Archive.urls().get(0) + "\n"
        + (cifar10Archive.equals(Cifar10.OFFICIAL_ARCHIVE) ? "    (MD5 " + Cifar10.OFFICIAL_ARCHIVE_MD5 + "), " : "    ")
        + "unpack it (tar xzf) and pass the directory with --data DIR\n"
        + "  - allow downloads, and NetForge fetches, checks and unpacks it into " + cacheDirectory);
  }

  /** The user's directory, when one was given: then the only place this locator reads. */
  public Optional<Path> dataDirectory() {
    return Optional.ofNullable(dataDirectory);
  }

  private DatasetNotFoundException notInDataDirectory(String dataset, Split split, String problem) {
    return new DatasetNotFoundException(dataset + " (" + split.label() + ") was not found in " + dataDirectory
        + " (--data): it " + problem + ".\n  Nothing else was looked in: give --data a directory holding the files, "
        + "or leave --data out to use the usual places.");
  }

  private static String fashionMissing(Path directory, Split split) {
    if (!Files.exists(directory)) {
      return "does not exist";
    }
    if (!Files.isDirectory(directory)) {
      return "is not a directory";
    }
    List<String> missing = new ArrayList<>();
    for (String name : List.of(FashionMnist.imagesFileName(split), FashionMnist.labelsFileName(split))) {
      if (!Files.isRegularFile(directory.resolve(name))
          && !Files.isRegularFile(directory.resolve(name.substring(0, name.length() - 3)))) {
        missing.add(name);
      }
    }
    return "has no " + String.join(" and no ", missing);
  }

  private static String cifarMissing(Path directory, Split split) {
    if (!Files.exists(directory)) {
      return "does not exist";
    }
    if (!Files.isDirectory(directory)) {
      return "is not a directory";
    }
    List<String> missing = Cifar10.fileNames(split).stream()
        .filter(name -> !Files.isRegularFile(directory.resolve(name))).toList();
    return "has no " + String.join(", ", missing);
  }

  private static boolean hasAll(Path directory, List<String> names) {
    return names.stream().allMatch(name -> Files.isRegularFile(directory.resolve(name)));
  }

  private static String bullets(List<String> lines) {
    return lines.stream().map(line -> "  - " + line + "\n").collect(Collectors.joining());
  }

  private static String indentContinuation(String message) {
    return message.replace("\n", "\n    ");
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // The unpacked files are in place; a leftover archive only costs disk space.
    }
  }

  /** Settings of a {@link DatasetLocator}. */
  public static final class Builder {
    private Path dataDirectory;
    private Path debianDirectory = FashionMnist.DEBIAN_DIRECTORY;
    private Path cacheDirectory = defaultCacheDirectory();
    private Downloader downloader = Downloader.withProgressBar();
    private String downloadsOffBecause;
    private List<RemoteFile> fashionMnistFiles = FashionMnist.OFFICIAL_FILES;
    private RemoteFile cifar10Archive = Cifar10.OFFICIAL_ARCHIVE;

    private Builder() {}

    /** The directory the user named ({@code --data DIR}), looked in first; null for none. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = directory;
      return this;
    }

    /** Where Debian's {@code dataset-fashion-mnist} puts the files ({@link FashionMnist#DEBIAN_DIRECTORY}). */
    public Builder debianDirectory(Path directory) {
      this.debianDirectory = Objects.requireNonNull(directory);
      return this;
    }

    public Builder cacheDirectory(Path directory) {
      this.cacheDirectory = Objects.requireNonNull(directory);
      return this;
    }

    public Builder downloader(Downloader downloader) {
      this.downloader = Objects.requireNonNull(downloader);
      return this;
    }

    /** Never download; {@code because} ends up in the not-found message, e.g. "they are turned off by --offline". */
    public Builder downloadsOff(String because) {
      this.downloadsOffBecause = Objects.requireNonNull(because);
      return this;
    }

    /** Where Fashion-MNIST's four files are downloaded from ({@link FashionMnist#OFFICIAL_FILES}). */
    public Builder fashionMnistFiles(List<RemoteFile> files) {
      this.fashionMnistFiles = List.copyOf(files);
      return this;
    }

    /** Where CIFAR-10's archive is downloaded from ({@link Cifar10#OFFICIAL_ARCHIVE}). */
    public Builder cifar10Archive(RemoteFile archive) {
      this.cifar10Archive = Objects.requireNonNull(archive);
      return this;
    }

    public DatasetLocator build() {
      return new DatasetLocator(this);
    }
  }
}
