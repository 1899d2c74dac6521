package netforge.runtime.cl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads OpenCL source shipped as a class-path resource next to a class: the processor writes each
 * {@code <Network>Model.cl} beside its model, and the optimizers' source sits beside {@code Optimizer}.
 */
public final class ProgramSource {
  private ProgramSource() {}

  /**
   * The text of {@code resource}, resolved against {@code anchor}'s package.
   *
   * @throws IllegalStateException if it is not on the class path: a packaging mistake, not a user error
   */
  public static String besides(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the OpenCL program " + resource + " is not on the class path next to "
            + anchor.getName() + "; was the processor's output packaged?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }
}
