package org.xtsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xtsim} entry point: dispatches to one subcommand per job. */
@Command(
    name = "xtsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Parallel discrete-event simulator of virtualized Cray XT supercomputers.",
      "Run 'xtsim <command> --help' for the options of a command."
    },
    subcommands = {
      RunCommand.class,
      MergeCommand.class,
      SubmitCommand.class,
      StatusCommand.class,
      ValidateCommand.class,
      FiguresCommand.class,
      PholdCommand.class,
      ImbCommand.class,
      VmmProbeCommand.class,
      ParamsCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Xtsim implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit status. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Xtsim());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(new OneLineErrors());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    return cli.execute(args);
  }

  /** No command given: the usage on stderr, exit status 2 (bad input). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return OneLineErrors.USAGE;
  }
}
