package netforge.runtime.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One split of an {@link ImageFolder} as read: the images, the file each came from, and the files left out.
 *
 * @param images the images, decoded to the folder's image shape, labelled by class
 * @param files {@code files.get(i)} is the file image {@code i} was read from
 * @param skipped the image files that could not be used, in path order
 */
public record FolderImages(ImageSet images, List<Path> files, List<SkippedFile> skipped) {
  public FolderImages {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
    if (files.size() != images.size()) {
      throw new IllegalArgumentException(images.name() + ": " + images.size() + " images but " + files.size()
          + " files");
    }
  }
}
