package org.xtsim.experiments.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.xtsim.experiments.shard.Shard;

/**
 * How to run an experiment.
 *
 * @param outDir where results go
 * @param threads threads per simulation, or 0 for the experiment file's {@code threads}
 * @param resume skip points whose results are already in {@code outDir}
 * @param dryRun validate and list the points, run nothing
 * @param figures draw the figures at the end
 * @param commandLine the command line, for the manifest
 * @param resumeCommand the command that resumes this run, told to the user when it is interrupted
 * @param shard the shard of the sweep to run, or null for all of it
 */
public record RunOptions(
    Path outDir,
    int threads,
    boolean resume,
    boolean dryRun,
    boolean figures,
    List<String> commandLine,
    List<String> resumeCommand,
    Shard shard) {
  /** Checks the fields. */
  public RunOptions {
    Objects.requireNonNull(outDir, "outDir");
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
    }
    commandLine = List.copyOf(commandLine);
    resumeCommand = List.copyOf(resumeCommand);
  }

  /** Options for the whole sweep. */
  public RunOptions(
      Path outDir,
      int threads,
      boolean resume,
      boolean dryRun,
      boolean figures,
      List<String> commandLine,
      List<String> resumeCommand) {
    this(outDir, threads, resume, dryRun, figures, commandLine, resumeCommand, null);
  }

  /** These options for one shard of the sweep. */
  public RunOptions withShard(Shard s) {
    return new RunOptions(outDir, threads, resume, dryRun, figures, commandLine, resumeCommand, s);
  }

  /** Options whose resume command names the experiment file as {@code FILE}. */
  public RunOptions(
      Path outDir,
      int threads,
      boolean resume,
      boolean dryRun,
      boolean figures,
      List<String> commandLine) {
    this(
        outDir,
        threads,
        resume,
        dryRun,
        figures,
        commandLine,
        List.of("xtsim", "run", "FILE", "--resume", "--out", outDir.toString()));
  }
}
