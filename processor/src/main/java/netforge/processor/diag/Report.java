package netforge.processor.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * The diagnostics of one network, as a value. Stages add to it; the processor stops a network (and only it) at
 * a stage boundary when the report holds an error, and prints the report in the order it was filled.
 */
public final class Report {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  /** Adds {@code message} at {@code site} with its first line filled from {@code args} and no details. */
  public void add(Message message, Site site, Object... args) {
    add(new Diagnostic(message, site, message.format(args), List.of()));
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
