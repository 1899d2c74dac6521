package netforge.runtime.data;

import static netforge.runtime.testing.TestImages.noise;
import static netforge.runtime.testing.TestImages.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image folders written here with ImageIO, as a user's would be: PNG and JPEG of odd sizes, grey and RGB mixed, a
 * file that is not an image, a damaged one, a hidden directory, a stray file at the top.
 */
class ImageFolderTest {
  private static final ImageShape RGB_32 = new ImageShape(3, 32, 32);

  @TempDir
  Path directory;

  private final List<String> notices = new ArrayList<>();

  /** bird: 3 images; cat: 3 images, a text file named .png and notes; dog: 4 images. */
  private Path pets() throws IOException {
    Path pets = directory.resolve("pets");
    write(pets.resolve("bird/b1.png"), noise(BufferedImage.TYPE_INT_RGB, 37, 23, 1), "png");
    write(pets.resolve("bird/b2.jpg"), noise(BufferedImage.TYPE_BYTE_GRAY, 30, 41, 2), "jpeg");
    write(pets.resolve("bird/nested/b3.png"), noise(BufferedImage.TYPE_BYTE_GRAY, 5, 5, 3), "png");
    write(pets.resolve("cat/c1.png"), noise(BufferedImage.TYPE_INT_ARGB, 64, 48, 4), "png");
    write(pets.resolve("cat/c2.jpg"), noise(BufferedImage.TYPE_INT_RGB, 19, 71, 5), "jpeg");
    write(pets.resolve("cat/c3.png"), noise(BufferedImage.TYPE_BYTE_GRAY, 28, 28, 6), "png");
    Files.writeString(pets.resolve("cat/broken.png"), "this was never a picture\n");
    Files.writeString(pets.resolve("cat/notes.txt"), "cats: three\n");
    for (int i = 1; i <= 4; i++) {
      write(pets.resolve("dog/d" + i + ".png"), noise(BufferedImage.TYPE_INT_RGB, 10 + i, 50 - i, 10 + i), "png");
    }
    write(pets.resolve(".thumbnails/t.png"), noise(BufferedImage.TYPE_INT_RGB, 4, 4, 20), "png");
    Files.writeString(pets.resolve("README.md"), "my pets\n");
    return pets;
  }

  private ImageFolder.Builder folder(Path root, ImageShape shape) {
    return ImageFolder.builder(root).imageShape(shape).notices(notices::add);
  }

  @Test
  void classes_areTheSortedSubdirectories_andEachImageIsLabelledByItsClassDirectory() throws IOException {
    Path pets = pets();
    ImageFolder folder = folder(pets, RGB_32).testFraction(0.34, 7).build();
    assertEquals(List.of("bird", "cat", "dog"), folder.classNames(), "hidden directories are no class");
    FolderImages train = folder.read(Split.TRAIN);
    FolderImages test = folder.read(Split.TEST);
    Set<Path> seen = new HashSet<>();
    for (FolderImages split : List.of(train, test)) {
      for (int i = 0; i < split.images().size(); i++) {
        Path file = split.files().get(i);
        String classDirectory = pets.relativize(file).getName(0).toString();
        assertEquals(classDirectory, folder.classNames().get(split.images().labels()[i]), file.toString());
        assertTrue(seen.add(file), "each file in one split only: " + file);
      }
    }
    assertEquals(10, seen.size(), "every readable image, in one split or the other: " + seen);
    assertEquals(new ImageShape(3, 32, 32), train.images().shape());
    assertEquals("pets train", train.images().name());
  }

  @Test
  void unreadableAndStrayFiles_areNamedInNotices_andTheRestLoad() throws IOException {
    Path pets = pets();
    ImageFolder folder = folder(pets, RGB_32).testFraction(0.34, 7).build();
    List<SkippedFile> skipped = new ArrayList<>(folder.read(Split.TRAIN).skipped());
    skipped.addAll(folder.read(Split.TEST).skipped());
    Path broken = pets.resolve("cat/broken.png");
    assertEquals(1, skipped.size(), skipped.toString());
    assertEquals(broken, skipped.get(0).file());
    assertTrue(skipped.get(0).reason().startsWith("is not an image javax.imageio can read"), skipped.toString());
    assertTrue(notices.contains("skipped " + broken + ": " + skipped.get(0).reason()), notices.toString());
    assertTrue(notices.contains("left out 2 files of " + pets + " that are not in a class directory or not an "
        + "image by their name: README.md, cat/notes.txt"), notices.toString());
  }

  @Test
  void seededSplit_isStratified_andTheSameForTheSameSeed() throws IOException {
    Path root = directory.resolve("digits");
    for (String digit : List.of("one", "two")) {
      for (int i = 0; i < 10; i++) {
        write(root.resolve(digit).resolve(i + ".png"), noise(BufferedImage.TYPE_BYTE_GRAY, 6, 6, i), "png");
      }
    }
    ImageShape grey = new ImageShape(1, 6, 6);
    FolderImages test = folder(root, grey).testFraction(0.3, 11).build().read(Split.TEST);
    assertArrayEquals(new int[] {3, 3}, test.images().classCounts(), "30% of each class");
    assertEquals(test.files(), folder(root, grey).testFraction(0.3, 11).build().read(Split.TEST).files(),
        "the same seed, the same split");
    assertFalse(test.files().equals(folder(root, grey).testFraction(0.3, 12).build().read(Split.TEST).files()),
        "another seed, another split");
    assertEquals(14, folder(root, grey).testFraction(0.3, 11).build().read(Split.TRAIN).images().size());

    // A new class moves none of the others' files: each class's draw depends on its name, not its position.
    for (int i = 0; i < 5; i++) {
      write(root.resolve("aardvark").resolve(i + ".png"), noise(BufferedImage.TYPE_BYTE_GRAY, 6, 6, i), "png");
    }
    List<Path> after = folder(root, grey).testFraction(0.3, 11).build().read(Split.TEST).files();
    assertEquals(new HashSet<>(test.files()), after.stream().filter(f -> !f.startsWith(root.resolve("aardvark")))
        .collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void images_alternateBetweenClasses_soThatTheFirstFewCoverThemAll() throws IOException {
    Path root = directory.resolve("abc");
    int[] counts = {3, 1, 2};
    for (int c = 0; c < counts.length; c++) {
      for (int i = 0; i < counts[c]; i++) {
        write(root.resolve("class" + c).resolve(i + ".png"), noise(BufferedImage.TYPE_INT_RGB, 3, 3, i), "png");
      }
    }
    FolderImages train = folder(root, RGB_32).testFraction(0.1, 0).build().read(Split.TRAIN); // none held out
    assertArrayEquals(new int[] {0, 1, 2, 0, 2, 0}, train.images().labels());
    assertEquals(root.resolve("class0/1.png"), train.files().get(3), "each class's files in name order");
  }

  @Test
  void heldOut_roundsToWholeFiles_andLeavesEveryClassOneToTrainOn() {
    assertEquals(1, FolderLayout.heldOut(3, 0.34));
    assertEquals(0, FolderLayout.heldOut(2, 0.2));
    assertEquals(0, FolderLayout.heldOut(1, 0.9));
    assertEquals(4, FolderLayout.heldOut(5, 0.9));
  }

  @Test
  void trainAndTestFolders_splitTheImages_andATestClassMayBeMissing() throws IOException {
    Path root = directory.resolve("split");
    write(root.resolve("train/ant/1.png"), noise(BufferedImage.TYPE_INT_RGB, 9, 9, 1), "png");
    write(root.resolve("train/ant/2.png"), noise(BufferedImage.TYPE_INT_RGB, 9, 9, 2), "png");
    write(root.resolve("train/bee/1.jpg"), noise(BufferedImage.TYPE_INT_RGB, 9, 9, 3), "jpeg");
    write(root.resolve("test/ant/3.png"), noise(BufferedImage.TYPE_BYTE_GRAY, 9, 9, 4), "png");
    ImageFolder folder = folder(root, new ImageShape(3, 8, 8)).build();
    assertEquals("split by its train/ and test/ folders", folder.splitRule());
    assertArrayEquals(new int[] {2, 1}, folder.load(Split.TRAIN).classCounts());
    ImageSet test = folder.load(Split.TEST);
    assertArrayEquals(new int[] {1, 0}, test.classCounts());
    assertTrue(notices.contains(root.resolve("test/bee") + ": class 'bee' has no test images, so its accuracy "
        + "cannot be measured"), notices.toString());
    assertTrue(test.source().startsWith(root.resolve("test") + " (2 classes, split by"), test.source());

    write(root.resolve("test/cow/1.png"), noise(BufferedImage.TYPE_INT_RGB, 9, 9, 5), "png");
    DatasetException extra = assertThrows(DatasetException.class, () -> folder(root, RGB_32).build());
    assertEquals(root.resolve("test/cow") + ": a class that " + root.resolve("train") + " does not have; the "
        + "classes are the sub-directories of train/: [ant, bee]", extra.getMessage());
  }

  @Test
  void trainWithoutTest_isRefused_asNeitherLayout() throws IOException {
    Path root = directory.resolve("half");
    write(root.resolve("train/ant/1.png"), noise(BufferedImage.TYPE_INT_RGB, 4, 4, 1), "png");
    DatasetException e = assertThrows(DatasetException.class, () -> folder(root, RGB_32).build());
    assertTrue(e.getMessage().startsWith(root + ": has train/ but no test/: give it both"), e.getMessage());
  }

  @Test
  void emptyClassDirectory_isFatal_namingIt() throws IOException {
    Path root = directory.resolve("zoo");
    write(root.resolve("cat/1.png"), noise(BufferedImage.TYPE_INT_RGB, 4, 4, 1), "png");
    Files.createDirectories(root.resolve("empty"));
    EmptyDatasetException e = assertThrows(EmptyDatasetException.class, () -> folder(root, RGB_32).build());
    assertEquals(root.resolve("empty") + ": class 'empty' has no image files to train on; every class needs at "
        + "least one, or remove its directory", e.getMessage());
  }

  @Test
  void classOfOnlyUnreadableFiles_isFatal_namingItsDirectory() throws IOException {
    Path root = directory.resolve("zoo");
    write(root.resolve("cat/1.png"), noise(BufferedImage.TYPE_INT_RGB, 4, 4, 1), "png");
    Files.createDirectories(root.resolve("dog"));
    Files.write(root.resolve("dog/1.jpg"), new byte[0]);
    ImageFolder folder = folder(root, RGB_32).build();
    EmptyDatasetException e = assertThrows(EmptyDatasetException.class, () -> folder.load(Split.TRAIN));
    assertEquals(root.resolve("dog") + ": class 'dog' has no image to train on: all 1 of its image files were "
        + "skipped (see above); every class needs at least one readable image, or remove its directory",
        e.getMessage());
    assertEquals(List.of("skipped " + root.resolve("dog/1.jpg") + ": is empty (0 bytes), not an image"), notices);
  }

  @Test
  void damagedFileTheDecoderStillReads_isSkipped() throws IOException {
    Path root = directory.resolve("zoo");
    write(root.resolve("cat/1.png"), noise(BufferedImage.TYPE_INT_RGB, 64, 64, 1), "png");
    Path whole = write(root.resolve("cat/2.jpg"), noise(BufferedImage.TYPE_INT_RGB, 64, 64, 2), "jpeg");
    byte[] bytes = Files.readAllBytes(whole);
    Files.write(whole, Arrays.copyOf(bytes, bytes.length / 2));
    FolderImages train = folder(root, RGB_32).testFraction(0.1, 0).build().read(Split.TRAIN);
    assertEquals(List.of(root.resolve("cat/1.png")), train.files());
    assertEquals(1, train.skipped().size());
    assertEquals(whole, train.skipped().get(0).file());
    assertTrue(train.skipped().get(0).reason().startsWith("damaged or incomplete: the decoder reported Truncated "
        + "File - Missing EOI marker"), train.skipped().toString());
  }

  @Test
  void missingFolder_isNotFound() {
    Path nowhere = directory.resolve("nowhere");
    DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> folder(nowhere, RGB_32).build());
    assertEquals(nowhere + ": no such directory", e.getMessage());
  }

  @Test
  void greyImage_onAColourNetwork_isRepeatedAndNormalisedWithImageNetsStatistics() throws IOException {
    Path root = directory.resolve("one");
    BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setPixels(0, 0, 2, 2, new int[] {0, 51, 102, 255});
    write(root.resolve("a/grey.png"), grey, "png");
    ImageFolder folder = folder(root, new ImageShape(3, 2, 2)).build();
    ImageSet train = folder.load(Split.TRAIN);
    float[] input = folder.pipeline(new ImageShape(3, 2, 2), true).apply(train, 0, new SplittableRandom(0)).values();
    double[] mean = {0.485, 0.456, 0.406};
    double[] std = {0.229, 0.224, 0.225};
    int[] values = {0, 51, 102, 255};
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < 4; i++) {
        assertEquals((values[i] / 255.0 - mean[c]) / std[c], input[c * 4 + i], NORMALISED_FLOAT,
            "channel " + c + ", pixel " + i);
      }
    }
    assertEquals((1 - 0.485) / 0.229, input[3], NORMALISED_FLOAT, "white in red: 2.2489...");
  }

  /**
   * Normalisation in float of a value in [0, 1] by a std above 0.2: a few float roundings of values up to 5,
   * each at most 2^-24 relative.
   */
  private static final double NORMALISED_FLOAT = 4e-6;

  @Test
  void colourImage_onAGreyNetwork_isLuma_andShrunkByAveraging() throws IOException {
    Path root = directory.resolve("one");
    // Red (luma 76) and blue (luma 29), one column each, alternating: 4x1 shrinks to 2x1.
    BufferedImage stripes = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
    int[] colours = {0xFF0000, 0x0000FF, 0xFF0000, 0x0000FF};
    for (int x = 0; x < 4; x++) {
      stripes.setRGB(x, 0, colours[x]);
    }
    write(root.resolve("a/stripes.png"), stripes, "png");
    ImageSet train = folder(root, new ImageShape(1, 1, 2)).build().load(Split.TRAIN);
    // Output pixel 0 is centred on source 1.0 with a triangle 2 pixels wide: weights 3/7, 3/7, 1/7, 0.
    // Output pixel 1 on source 3.0: weights 0, 1/7, 3/7, 3/7. So (3*76 + 3*29 + 76) / 7 = 55.86 -> 56 and
    // (29 + 3*76 + 3*29) / 7 = 49.14 -> 49.
    assertArrayEquals(new byte[] {56, 49}, train.pixels());
  }

  @Test
  void oneImageFile_isPreparedBitForBitAsTheLoadedSet() throws Exception {
    Path pets = pets();
    ImageFolder folder = folder(pets, RGB_32).testFraction(0.34, 7).build();
    FolderImages test = folder.read(Split.TEST);
    ImageInput input = folder.imageInput(RGB_32);
    TransformPipeline pipeline = folder.pipeline(RGB_32, false);
    for (int i = 0; i < test.images().size(); i++) {
      float[] expected = pipeline.apply(test.images(), i, new SplittableRandom(0)).values();
      assertArrayEquals(expected, input.read(test.files().get(i)).values(), test.files().get(i).toString());
    }
  }

  @Test
  void batches_comeFromTheExistingLoader() throws IOException {
    Path pets = pets();
    ImageFolder folder = folder(pets, RGB_32).testFraction(0.34, 7).build();
    ImageSet train = folder.load(Split.TRAIN);
    BatchLoader loader = BatchLoader.over(train).pipeline(folder.pipeline(RGB_32, true)).batchSize(3).seed(5).build();
    assertEquals(RGB_32, loader.inputShape());
    int images = 0;
    try (EpochBatches batches = loader.epoch(0)) {
      while (batches.hasNext()) {
        Batch batch = batches.next();
        for (int n = 0; n < batch.count(); n++) {
          assertEquals(train.labels()[batch.imageIndices()[n]], batch.labels()[n]);
        }
        images += batch.count();
      }
    }
    assertEquals(train.size(), images);
  }

  @Test
  void aNetworkOfAnotherShape_isRefused_sayingWhichShapeToBuildWith() throws IOException {
    ImageFolder folder = folder(pets(), RGB_32).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> folder.pipeline(new ImageShape(1, 28, 28), false));
    assertEquals("pets: its images are decoded to 3x32x32 but the network takes 1x28x28; build the ImageFolder "
        + "with imageShape(1x28x28)", e.getMessage());
  }
}
