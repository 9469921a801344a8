package org.xtsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xtsim bench}: benchmarks of the simulator itself. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks of the simulator itself (how fast and how big it runs, not what it simulates).",
      "Run 'xtsim bench <benchmark> --help' for the options of a benchmark."
    },
    subcommands = {
      BenchScaleCommand.class,
      BenchThreadsCommand.class,
      CommandLine.HelpCommand.class
    })
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** No benchmark given: the usage on stderr, exit status 2 (bad input). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return OneLineErrors.USAGE;
  }
}
