package netforge.runtime.image;

import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Node;

/**
 * The number of colour components a JPEG's frame header (SOF) declares: 1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK.
 * Read from the JDK reader's metadata, which parses the headers only, so a CMYK file is recognised before its
 * pixels are decoded.
 */
final class JpegComponents {
  private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

  private JpegComponents() {}

  /** The components of image 0 of the JPEG {@code reader} is set to, or 0 if its metadata does not say. */
  static int of(ImageReader reader) throws IOException {
    IIOMetadata metadata = reader.getImageMetadata(0);
    if (metadata == null || !java.util.Arrays.asList(metadata.getMetadataFormatNames()).contains(NATIVE_FORMAT)) {
      return 0;
    }
    Node sof = find(metadata.getAsTree(NATIVE_FORMAT), "sof");
    Node count = sof == null ? null : sof.getAttributes().getNamedItem("numFrameComponents");
    return count == null ? 0 : Integer.parseInt(count.getNodeValue());
  }

  private static Node find(Node node, String name) {
    if (name.equals(node.getNodeName())) {
      return node;
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      Node found = find(child, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
