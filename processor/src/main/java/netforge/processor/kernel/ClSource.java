package netforge.processor.kernel;

/**
 * OpenCL C text with indentation. Every statement is its own line, so a build log's line numbers point at
 * something readable.
 */
public final class ClSource {
  /**
   * Opens a section of the program: the runtime builds a program in parts, split at these lines, each part the
   * header before the first section plus whole sections. The runtime does not know the marker: the generated
   * launch sequence hands it over ({@code sectionMarker()}), written from this same constant.
   */
  public static final String SECTION_MARKER = "// ---- ";

  private final StringBuilder text = new StringBuilder();
  private int depth;

  ClSource line(String line) {
    if (line.isEmpty()) {
      text.append('\n');
    } else {
      text.append("  ".repeat(depth)).append(line).append('\n');
    }
    return this;
  }

  ClSource line(String format, Object... args) {
    return line(String.format(java.util.Locale.ROOT, format, args));
  }

  /** A line ending in {@code {}}, then one level deeper. */
  ClSource open(String format, Object... args) {
    line(String.format(java.util.Locale.ROOT, format, args));
    depth++;
    return this;
  }

  /** One level shallower, then {@code }}. */
  ClSource close() {
    depth--;
    return line("}");
  }

  /** A section-opening comment line: {@link #SECTION_MARKER} and the title. */
  ClSource section(String titleFormat, Object... args) {
    return line(SECTION_MARKER + String.format(java.util.Locale.ROOT, titleFormat, args));
  }

  ClSource blank() {
    text.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
