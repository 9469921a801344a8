package org.xtsim.cli;

import org.xtsim.experiments.run.RunInterruptedException;
import picocli.CommandLine;

/**
 * Turns bad input into one line on stderr that names the command, the option and what is allowed,
 * with exit status 2; failures inside a run exit with status 1; a run stopped by a signal has
 * already said what it kept and exits quietly (the JVM's own status for the signal wins: 130 for
 * SIGINT, 143 for SIGTERM).
 */
final class OneLineErrors
    implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  /** Exit status for bad input. */
  static final int USAGE = 2;

  /** Exit status for a run that failed. */
  static final int FAILED = 1;

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getErr()
        .println(
            cmd.getCommandSpec().qualifiedName()
                + ": "
                + ex.getMessage()
                + " (see '"
                + cmd.getCommandSpec().qualifiedName()
                + " --help')");
    return USAGE;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    String name = cmd.getCommandSpec().qualifiedName();
    if (ex instanceof RunInterruptedException) {
      return RunInterruptedException.EXIT_STATUS; // the run has said what it kept
    }
    if (ex instanceof IllegalArgumentException) {
      cmd.getErr().println(name + ": " + ex.getMessage());
      return USAGE;
    }
    cmd.getErr().println(name + ": failed: " + ex);
    return FAILED;
  }
}
