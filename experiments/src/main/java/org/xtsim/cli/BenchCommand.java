package org.xtsim.cli;

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
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
