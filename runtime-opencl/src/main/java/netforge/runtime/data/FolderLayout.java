package netforge.runtime.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Which files of an image folder are which class's training and test images, read from the directories alone (no
 * image is decoded here). See {@link ImageFolder} for the two layouts and the rules.
 */
final class FolderLayout {
  static final String TRAIN_DIRECTORY = "train";
  static final String TEST_DIRECTORY = "test";

  /** The file name endings of the formats this Java reads (png, jpg, jpeg, gif, bmp, tif, ...), lower case. */
  static final Set<String> IMAGE_SUFFIXES = Arrays.stream(ImageIO.getReaderFileSuffixes())
      .map(suffix -> suffix.toLowerCase(Locale.ROOT)).filter(suffix -> !suffix.isEmpty())
      .collect(Collectors.toCollection(TreeSet::new));

  private final Path root;
  private final List<String> classNames;
  private final List<Path> classDirectories;
  private final List<List<Path>> train;
  private final List<List<Path>> test;
  private final List<Path> notImages;
  private final boolean byFolders;
  private final String splitRule;

  private FolderLayout(Path root, List<String> classNames, List<Path> classDirectories, List<List<Path>> train,
      List<List<Path>> test, List<Path> notImages, boolean byFolders, String splitRule) {
    this.root = root;
    this.byFolders = byFolders;
    this.classNames = List.copyOf(classNames);
    this.classDirectories = List.copyOf(classDirectories);
    this.train = train;
    this.test = test;
    this.notImages = List.copyOf(notImages);
    this.splitRule = splitRule;
  }

  /**
   * Reads the layout of {@code root}: {@code train/} and {@code test/} when it has both, else one directory per
   * class with {@code testFraction} of each class's files, drawn with {@code seed}, held out for testing.
   *
   * @throws DatasetNotFoundException if {@code root} is not a directory
   * @throws EmptyDatasetException if there are no classes, or a class has no image files to train on
   * @throws DatasetException if the layout is neither of the two, or a directory cannot be listed
   */
  static FolderLayout scan(Path root, double testFraction, long seed) throws DatasetException {
    if (!Files.exists(root)) {
      throw new DatasetNotFoundException(root + ": no such directory");
    }
    if (!Files.isDirectory(root)) {
      throw new DatasetNotFoundException(root + ": is not a directory; give the directory that holds one "
          + "sub-directory per class");
    }
    boolean hasTrain = Files.isDirectory(root.resolve(TRAIN_DIRECTORY));
    boolean hasTest = Files.isDirectory(root.resolve(TEST_DIRECTORY));
    if (hasTrain != hasTest) {
      throw new DatasetException(root + ": has " + (hasTrain ? TRAIN_DIRECTORY : TEST_DIRECTORY) + "/ but no "
          + (hasTrain ? TEST_DIRECTORY : TRAIN_DIRECTORY) + "/: give it both (each with one sub-directory per "
          + "class) or neither (one sub-directory per class, and a fraction of each held out for testing)");
    }
    return hasTrain ? splitByFolders(root) : splitByFraction(root, testFraction, seed);
  }

  private static FolderLayout splitByFolders(Path root) throws DatasetException {
    Path trainRoot = root.resolve(TRAIN_DIRECTORY);
    Path testRoot = root.resolve(TEST_DIRECTORY);
    List<Path> notImages = new ArrayList<>();
    List<Path> classDirectories = classDirectories(trainRoot, notImages);
    List<String> classNames = names(classDirectories);
    List<Path> testDirectories = classDirectories(testRoot, notImages);
    for (Path directory : testDirectories) {
      if (!classNames.contains(directory.getFileName().toString())) {
        throw new DatasetException(directory + ": a class that " + trainRoot + " does not have; the classes are "
            + "the sub-directories of " + TRAIN_DIRECTORY + "/: " + classNames);
      }
    }
    List<List<Path>> train = new ArrayList<>();
    List<List<Path>> test = new ArrayList<>();
    for (int c = 0; c < classNames.size(); c++) {
      train.add(imageFiles(classDirectories.get(c), notImages));
      Path testDirectory = testRoot.resolve(classNames.get(c));
      test.add(Files.isDirectory(testDirectory) ? imageFiles(testDirectory, notImages) : List.of());
    }
    FolderLayout layout = new FolderLayout(root, classNames, classDirectories, train, test, notImages, true,
        "split by its " + TRAIN_DIRECTORY + "/ and " + TEST_DIRECTORY + "/ folders");
    layout.requireTrainingImages();
    return layout;
  }

  private static FolderLayout splitByFraction(Path root, double testFraction, long seed) throws DatasetException {
    List<Path> notImages = new ArrayList<>();
    List<Path> classDirectories = classDirectories(root, notImages);
    List<String> classNames = names(classDirectories);
    List<List<Path>> train = new ArrayList<>();
    List<List<Path>> test = new ArrayList<>();
    for (int c = 0; c < classNames.size(); c++) {
      List<Path> files = imageFiles(classDirectories.get(c), notImages);
      // Seeded by the class's name, not its index, so that adding a class does not move another's images.
      List<Path> shuffled = shuffled(files, new SplittableRandom(Seeds.derive(seed, classNames.get(c).hashCode())));
      int held = heldOut(files.size(), testFraction);
      test.add(sorted(shuffled.subList(0, held)));
      train.add(sorted(shuffled.subList(held, shuffled.size())));
    }
    FolderLayout layout = new FolderLayout(root, classNames, classDirectories, train, test, notImages, false,
        String.format(Locale.ROOT, "%s of each class held out for testing, drawn with seed %d",
            percent(testFraction), seed));
    layout.requireTrainingImages();
    return layout;
  }

  /**
   * How many of a class's {@code files} are held out: the fraction, rounded to the nearest whole file, but never
   * all of them, so that every class keeps at least one image to train on.
   */
  static int heldOut(int files, double testFraction) {
    return (int) Math.min(Math.round(files * testFraction), Math.max(0, files - 1));
  }

  private static String percent(double fraction) {
    String text = String.format(Locale.ROOT, "%.2f", 100 * fraction).replaceAll("\\.?0+$", "");
    return text + "%";
  }

  private void requireTrainingImages() throws EmptyDatasetException {
    for (int c = 0; c < classNames.size(); c++) {
      if (train.get(c).isEmpty()) {
        Path directory = classDirectories.get(c);
        List<Path> strays = notImages.stream().filter(file -> file.startsWith(directory)).toList();
        throw new EmptyDatasetException(directory + ": class '" + classNames.get(c) + "' has no image files to "
            + "train on" + (strays.isEmpty() ? "" : " (only files that are not images by their names: "
            + strays.stream().map(f -> directory.relativize(f).toString()).collect(Collectors.joining(", ")) + ")")
            + "; every class needs at least one, or remove its directory");
      }
    }
  }

  /** The sub-directories of {@code directory}, sorted by name; hidden ones skipped, files added to {@code strays}. */
  private static List<Path> classDirectories(Path directory, List<Path> strays) throws DatasetException {
    List<Path> directories = new ArrayList<>();
    for (Path entry : list(directory)) {
      if (isHidden(entry)) {
        continue;
      }
      if (Files.isDirectory(entry)) {
        directories.add(entry);
      } else {
        strays.add(entry);
      }
    }
    if (directories.isEmpty()) {
      throw new EmptyDatasetException(directory + ": has no sub-directories, so no classes; put each class's "
          + "images in a sub-directory named after it (" + directory.resolve("cat").resolve("1.jpg") + ", "
          + directory.resolve("dog").resolve("2.png") + ")");
    }
    return directories;
  }

  private static List<String> names(List<Path> directories) {
    return directories.stream().map(d -> d.getFileName().toString()).toList();
  }

  /**
   * Every file under {@code directory}, at any depth, whose name ends in an image format's suffix, sorted by path.
   * Other files go to {@code notImages}; hidden files and directories are skipped.
   */
  private static List<Path> imageFiles(Path directory, List<Path> notImages) throws DatasetException {
    List<Path> images = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
      for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
        if (Files.isDirectory(file) || isHiddenBelow(directory, file)) {
          continue;
        }
        if (IMAGE_SUFFIXES.contains(suffix(file))) {
          images.add(file);
        } else {
          notImages.add(file);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DatasetException(directory + ": cannot be listed: " + e.getMessage(), e);
    }
    return images;
  }

  private static List<Path> list(Path directory) throws DatasetException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new DatasetException(directory + ": cannot be listed: " + e.getMessage(), e);
    }
  }

  private static String suffix(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean isHidden(Path entry) {
    return entry.getFileName().toString().startsWith(".");
  }

  private static boolean isHiddenBelow(Path directory, Path file) {
    for (Path part : directory.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** {@code files} in a random order (Fisher-Yates, as {@link BatchLoader#order} shuffles). */
  private static List<Path> shuffled(List<Path> files, SplittableRandom random) {
    List<Path> order = new ArrayList<>(files);
    for (int i = order.size() - 1; i > 0; i--) {
      Collections.swap(order, i, random.nextInt(i + 1));
    }
    return order;
  }

  private static List<Path> sorted(List<Path> files) {
    List<Path> copy = new ArrayList<>(files);
    Collections.sort(copy);
    return List.copyOf(copy);
  }

  Path root() {
    return root;
  }

  List<String> classNames() {
    return classNames;
  }

  /** Each class's files of {@code split}, by label. */
  List<List<Path>> files(Split split) {
    return split == Split.TRAIN ? train : test;
  }

  /** The directory of class {@code label} in {@code split} (it may not exist for a class without test images). */
  Path classDirectory(Split split, int label) {
    if (byFolders) {
      String top = split == Split.TRAIN ? TRAIN_DIRECTORY : TEST_DIRECTORY;
      return root.resolve(top).resolve(classNames.get(label));
    }
    return classDirectories.get(label);
  }

  /**
   * Files left out: under a class directory with a name that is not an image format's, or outside every class
   * directory (directly in the folder, or in {@code train/} or {@code test/}). Hidden files are not counted.
   */
  List<Path> notImages() {
    return notImages;
  }

  /** How the images are split, e.g. "20% of each class held out for testing, drawn with seed 0". */
  String splitRule() {
    return splitRule;
  }
}
