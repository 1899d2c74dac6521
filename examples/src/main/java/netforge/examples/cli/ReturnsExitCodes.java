package netforge.examples.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exit codes a command can return ({@link ExitCodes}' constants), so that its {@code --help} lists only those:
 * {@code summary} cannot run out of device memory. Every subcommand carries it ({@code CliHelpTest} checks).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReturnsExitCodes {
  int[] value();
}
