package org.xtsim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a benchmark of the simulator writes, and whether it runs at all, shared by {@code bench
 * scale} and {@code bench threads}.
 */
final class BenchOutputOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("results", "benchmarks");

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "Base name of the output files (default: scale-<workload> for bench scale,"
              + " threads-<workload>-<nodes> for bench threads).")
  String name;

  @Option(
      names = "--dry-run",
      description =
          "Check the settings and print each machine and its heap estimate; run nothing"
              + " (default: off).")
  boolean dryRun;

  /** The base name of the output files: {@code --name}, else {@code fallback}. */
  String base(String fallback) {
    return name != null ? name : fallback;
  }
}
