package netforge.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of the command line as a user would start it, with what it printed. The commands print their results on
 * {@code System.out} (as the existing ones do) and their errors on picocli's error writer; picocli's own warnings go
 * to {@code System.err}: all of it is captured and the streams are put back afterwards.
 */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream outCapture = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errCapture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(outCapture);
      System.setErr(errCapture);
      CommandLine cli = NetforgeCli.commandLine();
      cli.setOut(new PrintWriter(outCapture, true));
      cli.setErr(new PrintWriter(errCapture, true));
      int code = cli.execute(args);
      cli.getOut().flush();
      cli.getErr().flush();
      return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /** Both streams, for assertion messages. */
  String transcript() {
    return "exit code " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}
