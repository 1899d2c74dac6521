package netforge.processor.diag;

import java.util.List;

/** One message: its code and kind, where it belongs, its first line, and its indented detail lines. */
public record Diagnostic(Message message, Site site, String firstLine, List<String> details) {
  public Diagnostic {
    details = List.copyOf(details);
  }

  /** The text javac prints: the first line, then each detail indented by four spaces. */
  public String text() {
    StringBuilder text = new StringBuilder(firstLine);
    for (String line : details) {
      text.append("\n    ").append(line);
    }
    return text.toString();
  }

  public boolean isError() {
    return message.kind() == javax.tools.Diagnostic.Kind.ERROR;
  }
}
