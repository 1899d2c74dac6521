package netforge.runtime.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import netforge.runtime.image.ImageFile;
import netforge.runtime.image.UnreadableImageException;
import netforge.runtime.spec.NetworkSpec;

/**
 * A data set of the user's own pictures, laid out as for torchvision's {@code ImageFolder}: one sub-directory per
 * class, named after it, holding that class's images (at any depth below it). The class names are the
 * sub-directories' names, sorted, and label {@code i} is the {@code i}-th of them.
 *
 * <pre>
 * pets/cat/001.jpg         pets/train/cat/001.jpg    pets/test/cat/101.jpg
 * pets/cat/002.png    or   pets/train/dog/001.png    pets/test/dog/201.png
 * pets/dog/001.jpg         ...                       ...
 * </pre>
 *
 * <p><b>Splits.</b> A folder with both {@code train/} and {@code test/} is split by them: the classes are
 * {@code train/}'s sub-directories, and {@code test/} may lack a class (it is reported) but may not add one. Any
 * other folder is one set, and a fraction of each class is held out for testing ({@link Builder#testFraction},
 * 20% unless set): stratified, so every class is split in the same proportion, rounded to whole files, and never
 * all of a class, so each keeps at least one image to train on. Which files are held out depends only on the seed,
 * the class's name and its file names: the same folder and seed give the same split on every machine, and adding
 * a class or another class's images moves no file.
 *
 * <p><b>Files.</b> Files whose names end in a suffix of a format this Java reads ({@code .png}, {@code .jpg},
 * {@code .jpeg}, {@code .gif}, {@code .bmp}, {@code .tif}, ...; see {@link #imageSuffixes()}) are
 * images, as torchvision picks them by extension; other files and everything outside the class directories are
 * left out, and counted in a notice. Hidden files and directories (a name starting with a dot) are ignored. An
 * image file that cannot be decoded, or whose decoder reports damage (a truncated JPEG comes out with grey rows),
 * is skipped and named in a notice with the reason, and the rest are used; where torchvision stops at the first
 * such file, one pass here reports them all. Only a class left with no image to train on is fatal
 * ({@link EmptyDatasetException}, naming its directory): a network cannot learn a class it never sees. A class
 * without test images is reported; its accuracy then cannot be measured.
 *
 * <p><b>Transforms.</b> Every image, grey, colour, with alpha or a palette, 8 or 16 bits, of any size, becomes one
 * image of the folder's {@link Builder#imageShape} (normally the network's input): converted to its channels (grey
 * repeated to RGB; colour to grey by ITU-R 601 luma, as PIL's {@code convert("L")}; alpha composited over black;
 * see {@link netforge.runtime.image.DatasetPixels}), resized to its height and width by {@link AntialiasedResize}
 * (Pillow's bilinear resize, which torchvision's {@code Resize} uses on PIL images; the aspect ratio is not kept,
 * as with {@code Resize((h, w))}), and rounded to bytes. The {@link #pipeline} then normalises each channel with
 * fixed statistics: ImageNet's mean (0.485, 0.456, 0.406) and standard deviation (0.229, 0.224, 0.225) for colour,
 * their averages 0.449 and 0.226 for grey, or the ones given to {@link Builder#normalization}. Fixed rather than
 * measured on the training split, so that training, testing and {@link #imageInput} on a single file use the same
 * numbers without the training images at hand. There is no augmentation: training and testing use the same
 * pipeline. (To add some, build a {@link TransformPipeline} from {@link RandomHorizontalFlip} and the folder's
 * {@link #normalize()}.)
 *
 * <p><b>Memory.</b> A split is decoded when it is loaded, all of it, on every processor, and kept as bytes of the
 * image shape: {@code channels x height x width} bytes per image, 3 KB for 3x32x32, 150 KB for 3x227x227, however
 * large the files are. That suits folders of thousands of images; the bytes of one split must fit one Java array
 * (2 GB: about 14,000 images of 3x227x227), and a split that would not fit the heap is refused before decoding.
 */
public final class ImageFolder implements Dataset {
  /** ImageNet's per-channel mean (R, G, B), on the [0, 1] scale: the default normalisation for colour. */
  public static final List<Double> IMAGENET_MEAN = List.of(0.485, 0.456, 0.406);
  /** ImageNet's per-channel standard deviation (R, G, B). */
  public static final List<Double> IMAGENET_STD = List.of(0.229, 0.224, 0.225);
  /** The default normalisation for grey: the averages of ImageNet's three means and standard deviations. */
  public static final List<Double> GREY_MEAN = List.of(0.449);
  public static final List<Double> GREY_STD = List.of(0.226);
  /** Above this many files a load says that it is decoding, so that a long wait is not a silent one. */
  static final int ANNOUNCED_FILES = 1_000;
  /** Java's largest array, a little under 2^31 (the JDK reserves a few header words). */
  private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
  /** What {@link #decodeInto} returns when the heap ran out while other files were decoded beside this one. */
  private static final SkippedFile OUT_OF_MEMORY_SIDE_BY_SIDE = new SkippedFile(Path.of(""), "out of memory");

  private final FolderLayout layout;
  private final ImageShape imageShape;
  private final Normalize normalize;
  private final Consumer<String> notices;

  private ImageFolder(FolderLayout layout, ImageShape imageShape, Normalize normalize, Consumer<String> notices) {
    this.layout = layout;
    this.imageShape = imageShape;
    this.normalize = normalize;
    this.notices = notices;
  }

  /** A folder of one sub-directory per class at {@code root}; set its {@link Builder#imageShape} and build it. */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** The file name suffixes that make a file an image here, lower case: those of the formats this Java reads. */
  public static java.util.Set<String> imageSuffixes() {
    return java.util.Collections.unmodifiableSet(FolderLayout.IMAGE_SUFFIXES);
  }

  /** The folder's own name, e.g. {@code "pets"} for {@code /data/pets}. */
  @Override
  public String name() {
    Path name = layout.root().toAbsolutePath().normalize().getFileName();
    return name == null ? layout.root().toString() : name.toString();
  }

  public Path root() {
    return layout.root();
  }

  @Override
  public List<String> classNames() {
    return layout.classNames();
  }

  /** The shape every image is decoded to. */
  public ImageShape imageShape() {
    return imageShape;
  }

  /** How training and test images are told apart, e.g. "20% of each class held out for testing, drawn with seed 0". */
  public String splitRule() {
    return layout.splitRule();
  }

  /** The normalisation every image gets, in training, testing and {@link #imageInput}. */
  public Normalize normalize() {
    return normalize;
  }

  /** {@link #read}'s images. */
  @Override
  public ImageSet load(Split split) throws DatasetException {
    return read(split).images();
  }

  /**
   * Decodes every image file of {@code split} (in parallel), reporting each one skipped on the notices.
   *
   * <p>The images are ordered class by class in turn (the first file of each class, then the second of each, ...)
   * with each class's files in path order, so that the first {@code n} images, as {@link BatchLoader.Builder#limit}
   * takes them, cover every class rather than the first few.
   *
   * @throws EmptyDatasetException naming the class directory, if a class is left with no image to train on
   * @throws DatasetException if the images would not fit in memory
   */
  public FolderImages read(Split split) throws DatasetException {
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    interleave(layout.files(split), files, labels);
    checkMemory(split, files.size());
    announceLeftOut(split);
    if (files.size() > ANNOUNCED_FILES) {
      notices.accept(String.format(Locale.ROOT, "decoding %,d image files of %s (%s) to %s", files.size(),
          layout.root(), split.label(), imageShape));
    }
    int size = imageShape.size();
    byte[] pixels = new byte[files.size() * size]; // checkMemory made sure it fits
    SkippedFile[] failures = new SkippedFile[files.size()];
    IntStream.range(0, files.size()).parallel()
        .forEach(i -> failures[i] = decodeInto(files.get(i), pixels, i * size));
    // Each decode checks its own need against the free heap, but side by side several large pictures can still
    // exhaust it: those are decoded again one at a time, so that the heap, not the timing, decides.
    for (int i = 0; i < files.size(); i++) {
      if (failures[i] == OUT_OF_MEMORY_SIDE_BY_SIDE) {
        failures[i] = decodeInto(files.get(i), pixels, i * size);
        if (failures[i] == OUT_OF_MEMORY_SIDE_BY_SIDE) {
          failures[i] = new SkippedFile(files.get(i), "too large to decode in this heap (raise -Xmx, or "
              + "NETFORGE_JAVA_OPTS for the netforge command)");
        }
      }
    }

    // The readable images move up over the skipped ones, keeping their order.
    List<Path> kept = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    int[] keptLabels = new int[files.size()];
    int[] perClass = new int[classNames().size()];
    for (int i = 0; i < files.size(); i++) {
      if (failures[i] != null) {
        skipped.add(failures[i]);
        continue;
      }
      System.arraycopy(pixels, i * size, pixels, kept.size() * size, size);
      keptLabels[kept.size()] = labels.get(i);
      perClass[labels.get(i)]++;
      kept.add(files.get(i));
    }
    skipped.sort((a, b) -> a.file().compareTo(b.file()));
    for (SkippedFile file : skipped) {
      notices.accept("skipped " + file);
    }
    checkClasses(split, perClass, skipped);
    String source = source(split, kept.size(), skipped.size());
    ImageSet images = new ImageSet(name() + " " + split.label(), imageShape.channels(), imageShape.height(),
        imageShape.width(), skipped.isEmpty() ? pixels : Arrays.copyOf(pixels, kept.size() * size),
        Arrays.copyOf(keptLabels, kept.size()), classNames(), source);
    return new FolderImages(images, kept, skipped);
  }

  /** Decodes {@code file} into {@code pixels} from {@code offset}; returns why it was skipped, or null. */
  private SkippedFile decodeInto(Path file, byte[] pixels, int offset) {
    try {
      ImageFile image = ImageFile.read(file);
      if (!image.warnings().isEmpty()) {
        // Training on the grey rows a truncated JPEG decodes to would teach the network noise; predict, which
        // shows one answer for one file, still reads such a file, with a warning.
        return new SkippedFile(file, "damaged or incomplete: the decoder reported "
            + String.join("; ", image.warnings()));
      }
      byte[] stored = ResizedPixels.of(image.image(), imageShape);
      System.arraycopy(stored, 0, pixels, offset, stored.length);
      return null;
    } catch (UnreadableImageException e) {
      return new SkippedFile(file, e.problem());
    } catch (OutOfMemoryError e) { // this decode's own arrays are unreachable now, and freed
      return OUT_OF_MEMORY_SIDE_BY_SIDE;
    }
  }

  /** Round robin over the classes, each class's files in order: files and their labels. */
  private static void interleave(List<List<Path>> byClass, List<Path> files, List<Integer> labels) {
    int longest = byClass.stream().mapToInt(List::size).max().orElse(0);
    for (int n = 0; n < longest; n++) {
      for (int label = 0; label < byClass.size(); label++) {
        if (n < byClass.get(label).size()) {
          files.add(byClass.get(label).get(n));
          labels.add(label);
        }
      }
    }
  }

  private void checkMemory(Split split, int count) throws DatasetException {
    long bytes = (long) count * imageShape.size();
    String what = String.format(Locale.ROOT, "%s (%s): %,d images of %s take %,d MB", layout.root(), split.label(),
        count, imageShape, bytes >> 20);
    if (bytes > MAX_ARRAY_BYTES) {
      throw new DatasetException(what + ", more than one Java array holds (2 GB); use a smaller input shape or "
          + "fewer images");
    }
    Runtime runtime = Runtime.getRuntime();
    long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    if (bytes > free) {
      throw new DatasetException(what + String.format(Locale.ROOT, ", more than the %,d MB of memory Java has "
          + "free; give Java more (-Xmx..., for the netforge command NETFORGE_JAVA_OPTS=-Xmx...)", free >> 20));
    }
  }

  private void announceLeftOut(Split split) {
    // Said once, with the training split, since the layout is the same for both.
    List<Path> leftOut = layout.notImages();
    if (split != Split.TRAIN || leftOut.isEmpty()) {
      return;
    }
    int shown = Math.min(leftOut.size(), 5);
    String names = String.join(", ", leftOut.subList(0, shown).stream()
        .map(file -> layout.root().relativize(file).toString()).toList());
    notices.accept(String.format(Locale.ROOT, "left out %d file%s of %s that %s not in a class directory or not "
        + "an image by %s name: %s%s", leftOut.size(), leftOut.size() == 1 ? "" : "s", layout.root(),
        leftOut.size() == 1 ? "is" : "are", leftOut.size() == 1 ? "its" : "their", names,
        leftOut.size() > shown ? ", ..." : ""));
  }

  private void checkClasses(Split split, int[] perClass, List<SkippedFile> skipped) throws DatasetException {
    for (int label = 0; label < perClass.length; label++) {
      if (perClass[label] > 0) {
        continue;
      }
      Path directory = layout.classDirectory(split, label);
      int unreadable = (int) skipped.stream().filter(file -> file.file().startsWith(directory)).count();
      if (split == Split.TRAIN) {
        throw new EmptyDatasetException(directory + ": class '" + classNames().get(label) + "' has no image to train "
            + "on: all " + unreadable + " of its image files were skipped (see above); every class needs at least "
            + "one readable image, or remove its directory");
      }
      notices.accept(directory + ": class '" + classNames().get(label) + "' has no test images"
          + (unreadable > 0 ? " (its " + unreadable + " image files were skipped)" : "")
          + ", so its accuracy cannot be measured");
    }
  }

  private String source(Split split, int images, int skipped) {
    Path from = layout.classDirectory(split, 0).getParent();
    String skippedNote = skipped == 0 ? "" : String.format(Locale.ROOT, "; %,d unreadable file%s skipped",
        skipped, skipped == 1 ? "" : "s");
    return String.format(Locale.ROOT, "%s (%,d classes, %s%s)", from, classNames().size(), splitRule(),
        skippedNote);
  }

  /**
   * Normalisation only: the images are stored at the network's shape already.
   *
   * @throws IllegalArgumentException if {@code networkInput} is not the folder's image shape
   */
  @Override
  public TransformPipeline pipeline(ImageShape networkInput, boolean training) {
    requireShape(networkInput);
    return TransformPipeline.of(normalize);
  }

  /** A picture decoded, converted, resized and normalised exactly as {@link #read} and {@link #pipeline} do. */
  @Override
  public ImageInput imageInput(ImageShape networkInput) {
    requireShape(networkInput);
    return new ImageInput((BufferedImage image) -> ToTensor.of(ResizedPixels.of(image, imageShape), 0, imageShape),
        pipeline(networkInput, false), networkInput);
  }

  private void requireShape(ImageShape networkInput) {
    if (!networkInput.equals(imageShape)) {
      throw new IllegalArgumentException(name() + ": its images are decoded to " + imageShape + " but the network "
          + "takes " + networkInput + "; build the ImageFolder with imageShape(" + networkInput + ")");
    }
  }

  @Override
  public String toString() {
    return name() + ": image folder " + layout.root() + ", " + classNames().size() + " classes, " + splitRule()
        + ", decoded to " + imageShape;
  }

  /** Settings of an {@link ImageFolder}. */
  public static final class Builder {
    private final Path root;
    private ImageShape imageShape;
    private double testFraction = 0.2;
    private long seed;
    private List<Double> mean;
    private List<Double> std;
    private Consumer<String> notices = System.err::println;

    private Builder(Path root) {
      this.root = Objects.requireNonNull(root);
    }

    /**
     * The shape every image is decoded to: channels (1 or 3), height, width. Make it the network's input.
     *
     * @throws IllegalArgumentException for another number of channels
     */
    public Builder imageShape(ImageShape shape) {
      if (shape.channels() != 1 && shape.channels() != 3) {
        throw new IllegalArgumentException("an image folder decodes to grey (1 channel) or RGB (3), not "
            + shape.channels() + " channels");
      }
      this.imageShape = shape;
      return this;
    }

    /** {@link #imageShape(ImageShape)} of {@code network}'s input. */
    public Builder imageShape(NetworkSpec network) {
      return imageShape(ImageShape.inputOf(network));
    }

    /**
     * For a folder without {@code train/} and {@code test/}: the fraction of each class held out for testing,
     * drawn with {@code seed}. Default 0.2 and seed 0.
     *
     * @throws IllegalArgumentException unless {@code 0 < fraction < 1}
     */
    public Builder testFraction(double fraction, long seed) {
      if (!(fraction > 0 && fraction < 1)) {
        throw new IllegalArgumentException("the test fraction must be above 0 and below 1, not " + fraction);
      }
      this.testFraction = fraction;
      this.seed = seed;
      return this;
    }

    /** Per-channel mean and standard deviation on the [0, 1] scale instead of ImageNet's (see the class). */
    public Builder normalization(List<Double> mean, List<Double> std) {
      this.mean = List.copyOf(mean);
      this.std = List.copyOf(std);
      return this;
    }

    /** Where the folder says what it skipped and left out; standard error unless set. */
    public Builder notices(Consumer<String> notices) {
      this.notices = Objects.requireNonNull(notices);
      return this;
    }

    /**
     * Reads the folder's layout (its classes and which files are which split; no image is decoded yet).
     *
     * @throws DatasetNotFoundException if the folder is not a directory
     * @throws EmptyDatasetException if it has no class directories, or a class has no image file to train on
     * @throws DatasetException if its layout is neither of the two, or it cannot be listed
     * @throws IllegalStateException if no image shape was set
     * @throws IllegalArgumentException if the normalisation does not fit the image shape's channels
     */
    public ImageFolder build() throws DatasetException {
      if (imageShape == null) {
        throw new IllegalStateException("an ImageFolder needs the shape to decode its images to: imageShape(...), "
            + "normally the network's input");
      }
      boolean grey = imageShape.channels() == 1;
      Normalize normalize = new Normalize(mean != null ? mean : grey ? GREY_MEAN : IMAGENET_MEAN,
          std != null ? std : grey ? GREY_STD : IMAGENET_STD);
      normalize.outputShape(imageShape); // as many means as channels, or one for all
      return new ImageFolder(FolderLayout.scan(root, testFraction, seed), imageShape, normalize, notices);
    }
  }
}
