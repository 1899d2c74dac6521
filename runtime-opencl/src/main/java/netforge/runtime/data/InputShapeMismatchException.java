package netforge.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netforge.runtime.spec.NetworkSpec;

/**
 * A loader's prepared images are not the shape a network takes. Fed anyway, their values would be cut or run
 * together into inputs of the network's size — training on that reaches chance level and reports it as a result —
 * so this is refused before the first step. The message names the images' source, their shape as stored and
 * after the pipeline, the network's input, and the transform that would fit them.
 */
public final class InputShapeMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private InputShapeMismatchException(String message) {
    super(message);
  }

  /** The mismatch of {@code loader}'s images with {@code network}'s input, or null when they fit. */
  static InputShapeMismatchException of(BatchLoader loader, NetworkSpec network) {
    ImageShape prepared = loader.inputShape();
    int[] input = network.inputShape();
    boolean fits = input.length == 3
        ? Arrays.equals(input, new int[] {prepared.channels(), prepared.height(), prepared.width()})
        : network.inputSize() == prepared.size(); // a network without spatial input: only the count can match
    if (fits) {
      return null;
    }
    ImageSet images = loader.images();
    String wanted = shapeText(input);
    return new InputShapeMismatchException(images.name() + " from " + images.source() + ": its images are "
        + images.shape() + ", which the pipeline " + loader.pipeline() + " makes " + prepared + ", but "
        + network.name() + " takes " + wanted + " images; " + fix(prepared, input));
  }

  private static String fix(ImageShape prepared, int[] input) {
    if (input.length != 3) {
      return "no transform makes " + prepared.size() + " values into " + shapeText(input);
    }
    List<String> steps = new ArrayList<>();
    if (prepared.height() != input[1] || prepared.width() != input[2]) {
      steps.add("Resize(" + input[1] + ", " + input[2] + ")");
    }
    if (prepared.channels() == 1 && input[0] == 3) {
      steps.add("GrayscaleToRgb");
    } else if (prepared.channels() != input[0]) {
      return "a data set of " + input[0] + "-channel images is needed (no transform turns " + prepared.channels()
          + " channels into " + input[0] + ")";
    }
    return "add " + String.join(" and ", steps) + " to the pipeline to make them fit";
  }

  private static String shapeText(int[] shape) {
    return String.join("x", Arrays.stream(shape).mapToObj(Integer::toString).toList());
  }
}
