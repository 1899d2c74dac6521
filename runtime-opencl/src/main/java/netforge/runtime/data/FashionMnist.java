package netforge.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Zalando's Fashion-MNIST: 28x28 grey images of clothing in 10 classes, 60,000 to train on and 10,000 to test on,
 * in the MNIST IDX format ({@code train-images-idx3-ubyte.gz} and friends). Reads the official files, gzipped or
 * not; {@link #bundledSubset} gives a small real part of them that ships inside NetForge.
 *
 * <p>Fashion-MNIST is MIT-licensed, Copyright (c) 2017 Zalando SE (https://github.com/zalandoresearch/fashion-mnist).
 */
public final class FashionMnist {
  public static final String NAME = "Fashion-MNIST";
  /** Label i's name, as the data set's README lists them. */
  public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
  /** Height and width of every image. */
  public static final int SIZE = 28;
  /** The directory Debian's {@code dataset-fashion-mnist} package installs the files into. */
  public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
  public static final String DEBIAN_INSTALL_COMMAND = "sudo apt-get install dataset-fashion-mnist";
  /** The images the bundled subset holds: the first this many of each official file. */
  public static final int BUNDLED_TRAIN_IMAGES = 4_000;
  public static final int BUNDLED_TEST_IMAGES = 1_000;
  static final String BUNDLED_RESOURCE_DIRECTORY = "fashion-mnist-subset";

  /**
   * Where the official files are published. Zalando's README links the S3 website, which serves plain HTTP only;
   * the same files are in Zalando's repository on GitHub, served over HTTPS, so that comes first. The S3 copy is a
   * fallback: every download is checked against the SHA-256 below whichever way it came.
   */
  public static final List<URI> OFFICIAL_BASE_URLS = List.of(
      URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
      URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));

  /**
   * The four official files with their sizes and SHA-256. The SHA-256 values are those many projects pin for these
   * URLs, and they belong to files whose MD5 is the one Zalando's README publishes (8d4fb7e6..., 25c81989...,
   * bef4ecab..., bb300cfd...). Debian's package holds the same data recompressed without the file name in the gzip
   * header (each file 23 or 24 bytes shorter), so its .gz files have other checksums; what they inflate to is
   * byte-identical (see {@link #OFFICIAL_CONTENT_SHA256}).
   */
  public static final List<RemoteFile> OFFICIAL_FILES = List.of(
      official("train-images-idx3-ubyte.gz", 26_421_880,
          "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
      official("train-labels-idx1-ubyte.gz", 29_515,
          "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
      official("t10k-images-idx3-ubyte.gz", 4_422_102,
          "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
      official("t10k-labels-idx1-ubyte.gz", 5_148,
          "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"));

  /**
   * SHA-256 of what each official file inflates to (the IDX bytes), computed from Debian's files. Their MD5s are
   * the ones torchvision lists as the raw files' (f4a8712d..., 9018921c..., 8181f547..., 15d48437...).
   */
  public static final List<String> OFFICIAL_CONTENT_SHA256 = List.of(
      "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
      "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
      "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
      "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

  private FashionMnist() {}

  private static RemoteFile official(String fileName, long size, String sha256) {
    return new RemoteFile(fileName, size, sha256,
        OFFICIAL_BASE_URLS.stream().map(base -> base.resolve(fileName)).toList());
  }

  /** {@code train-images-idx3-ubyte.gz} or {@code t10k-images-idx3-ubyte.gz}. */
  public static String imagesFileName(Split split) {
    return prefix(split) + "-images-idx3-ubyte.gz";
  }

  /** {@code train-labels-idx1-ubyte.gz} or {@code t10k-labels-idx1-ubyte.gz}. */
  public static String labelsFileName(Split split) {
    return prefix(split) + "-labels-idx1-ubyte.gz";
  }

  private static String prefix(Split split) {
    return split == Split.TRAIN ? "train" : "t10k";
  }

  /** The official files of {@code split}: images, then labels. */
  public static List<RemoteFile> officialFiles(Split split) {
    return OFFICIAL_FILES.stream()
        .filter(f -> f.fileName().equals(imagesFileName(split)) || f.fileName().equals(labelsFileName(split)))
        .toList();
  }

  /** Whether {@code directory} has both files of {@code split}, gzipped or not. */
  public static boolean isIn(Path directory, Split split) {
    return find(directory, imagesFileName(split)).isPresent() && find(directory, labelsFileName(split)).isPresent();
  }

  /** Reads {@code split} from the official files in {@code directory} (each {@code .gz} or already gunzipped). */
  public static ImageSet read(Path directory, Split split) throws DatasetException {
    Path images = find(directory, imagesFileName(split)).orElseThrow(() -> missing(directory, imagesFileName(split)));
    Path labels = find(directory, labelsFileName(split)).orElseThrow(() -> missing(directory, labelsFileName(split)));
    return read(DataFile.of(images), DataFile.of(labels), split,
        directory + " (" + images.getFileName() + ", " + labels.getFileName() + ")");
  }

  /**
   * The bundled subset: the first {@value #BUNDLED_TRAIN_IMAGES} training or {@value #BUNDLED_TEST_IMAGES} test
   * images of the official files, in the same format, on the class path (see its README.md). The offline default for
   * demos and tests.
   *
   * @throws IllegalStateException if the subset is missing from the class path or corrupt: a packaging bug
   */
  public static ImageSet bundledSubset(Split split) {
    try {
      String slice = split == Split.TRAIN ? "the first " + BUNDLED_TRAIN_IMAGES + " of the 60000 official training"
          : "the first " + BUNDLED_TEST_IMAGES + " of the 10000 official test";
      return read(resource(imagesFileName(split)), resource(labelsFileName(split)), split,
          "the bundled subset (class path netforge/runtime/data/" + BUNDLED_RESOURCE_DIRECTORY + "/): " + slice
              + " images");
    } catch (DatasetException e) {
      throw new IllegalStateException("the bundled Fashion-MNIST subset is missing or corrupt (a packaging bug): "
          + e.getMessage(), e);
    }
  }

  static ImageSet read(DataFile imagesFile, DataFile labelsFile, Split split, String source) throws DatasetException {
    IdxReader.Contents images = IdxReader.read(imagesFile, IdxReader.Kind.IMAGES);
    IdxReader.Contents labelBytes = IdxReader.read(labelsFile, IdxReader.Kind.LABELS);
    int count = images.dims()[0];
    if (count == 0) {
      throw new EmptyDatasetException(imagesFile.name() + ": holds 0 images (its header says so): there is nothing "
          + "to " + (split == Split.TRAIN ? "train" : "test") + " on");
    }
    if (labelBytes.dims()[0] != count) {
      throw new DatasetException(labelsFile.name() + ": holds " + labelBytes.dims()[0] + " labels but "
          + imagesFile.name() + " holds " + count + " images");
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = labelBytes.data()[i] & 0xFF;
      if (labels[i] >= CLASS_NAMES.size()) {
        throw new DatasetException(labelsFile.name() + ": label " + labels[i] + " of image " + i + " is outside 0.."
            + (CLASS_NAMES.size() - 1));
      }
    }
    return new ImageSet(NAME + " " + split.label(), 1, images.dims()[1], images.dims()[2], images.data(), labels,
        CLASS_NAMES, source);
  }

  private static DataFile resource(String fileName) throws DatasetException {
    String path = BUNDLED_RESOURCE_DIRECTORY + "/" + fileName;
    try (InputStream in = FashionMnist.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new DatasetException(path + ": not on the class path");
      }
      return DataFile.of(path + " (bundled)", in.readAllBytes());
    } catch (IOException e) {
      throw new DatasetException(path + ": cannot read it from the class path (" + e.getMessage() + ")", e);
    }
  }

  private static Optional<Path> find(Path directory, String gzName) {
    for (String name : List.of(gzName, gzName.substring(0, gzName.length() - ".gz".length()))) {
      Path candidate = directory.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static DatasetException missing(Path directory, String gzName) {
    return new DatasetException(directory + ": has no " + gzName + " (nor "
        + gzName.substring(0, gzName.length() - 3) + ")");
  }
}
