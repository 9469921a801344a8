package org.xtsim.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.experiments.slurm.SlurmCommands;
import org.xtsim.experiments.slurm.SlurmSubmitter;
import org.xtsim.experiments.slurm.TaskSizing;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xtsim submit}: hands a sweep to a cluster's batch system. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Submits an experiment file to Slurm as a job array, one task per shard ('xtsim run FILE"
          + " --shard I/N' into OUT/parts/shard-I-of-N), and a merge job that runs after the"
          + " array (afterany, so also when a task failed) and leaves in OUT the files 'xtsim run"
          + " FILE --out OUT' would: results.csv, distributions.csv, manifest.json, figures; a"
          + " failed task's points are listed in OUT/failures.csv.",
      "The scripts (OUT/slurm/array.sh, merge.sh) say what they ask for in #SBATCH lines; logs"
          + " go to OUT/slurm/logs/%%A_%%a.out; each task records how it ended (exit status and"
          + " reason: ok, time limit, cancelled, out of memory) in its folder's task-exit.txt.",
      "Compute nodes need no Maven: the tasks run the xtsim given by --xtsim (by default this"
          + " one: scripts/xtsim of this checkout or the launcher of a scripts/make-portable.sh"
          + " build), which must be reachable at that path on the compute nodes (a shared file"
          + " system), as must FILE and OUT.",
      "Watch it with 'xtsim status OUT'; rerun the shards with missing points with --resume."
    })
final class SubmitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The experiment file, e.g. experiments/redstorm-virtualization.yaml.")
  Path file;

  @Option(
      names = "--slurm",
      required = true,
      description = "Submit to Slurm with sbatch (the one batch system supported) (required).")
  boolean slurm;

  @Option(
      names = "--quick",
      description = "Submit the file's quick sweep instead of the full one (default: off).")
  boolean quick;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Result folder, on a file system the compute nodes share (default: results/<name>, or"
              + " results/<name>-quick with --quick).")
  Path out;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description =
          "Tasks in the array, 1 to the number of points; points are dealt out balanced by their"
              + " expected cost (default: one per hour of expected work, at least 1).")
  Integer shards;

  @Option(
      names = "--partition",
      paramLabel = "NAME",
      description = "Slurm partition (sbatch --partition) (default: the cluster's default).")
  String partition;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description = "Slurm account to charge (sbatch --account) (default: your default account).")
  String account;

  @Option(
      names = "--time",
      paramLabel = "LIMIT",
      description =
          "Time limit per task as sbatch reads it (MINUTES, HH:MM:SS, D-HH:MM:SS) (default: the"
              + " longest shard's expected time x3 + 5 min, at least 10 min, from costs fitted on"
              + " the reference runs).")
  String time;

  @Option(
      names = "--mem",
      paramLabel = "SIZE",
      description =
          "Memory per task as sbatch reads it (MiB, or with K, M, G, T); the JVM gets -Xmx of 80 %%"
              + " of it (default: from the heap estimate of the largest point, at least a 1 GiB"
              + " heap).")
  String mem;

  @Option(
      names = "--array-throttle",
      paramLabel = "N",
      description = "Most tasks running at once (Slurm's --array=...%%N) (default: no limit).")
  Integer throttle;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Worker threads per simulation, also the CPUs each task asks for, 1 to 1,024 (default:"
              + " the file's 'threads', else 1).")
  Integer threads;

  @Option(
      names = "--xtsim",
      paramLabel = "PATH",
      description =
          "The xtsim command the tasks run on the compute nodes (default: the launcher of this"
              + " installation).")
  String xtsim;

  @Option(
      names = "--sbatch-arg",
      paramLabel = "ARG",
      description =
          "One more sbatch option for both jobs, passed as it is, e.g. --sbatch-arg=--qos=debug;"
              + " repeat for more (default: none).")
  List<String> sbatchArgs = new ArrayList<>();

  @Option(
      names = "--resume",
      description =
          "Submit again only the shards with missing points (failed, cancelled, timed out), and a"
              + " new merge after them; the tasks keep the points their shard already has"
              + " (default: off).")
  boolean resume;

  @Option(
      names = "--dry-run",
      description =
          "Write the scripts and print the sbatch commands; submit nothing (default: off).")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    if (threads != null) {
      CommandLimits.threads("--threads", threads);
    }
    if (shards != null && shards < 1) {
      throw new IllegalArgumentException("--shards: must be at least 1, was " + shards);
    }
    if (throttle != null && throttle < 1) {
      throw new IllegalArgumentException("--array-throttle: must be at least 1, was " + throttle);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("FILE: no such experiment file: " + file);
    }
    long memMiB = mem == null ? 0 : TaskSizing.parseMemMiB(mem);
    PointRunner runner = PointRunners.installed();
    ExperimentSpec experiment = new ExperimentParser(runner.registry()).parse(file);
    if (quick) {
      experiment = experiment.quick();
    }
    Path dir =
        out != null
            ? OutputFolders.check("--out", out)
            : RunCommand.defaultFolder(file, experiment, null);
    SlurmSubmitter.Options options =
        new SlurmSubmitter.Options(
            file,
            dir,
            shards == null ? 0 : shards,
            threads == null ? 0 : threads,
            xtsim != null ? xtsim : defaultLauncher(),
            partition,
            account,
            time,
            memMiB,
            throttle == null ? 0 : throttle,
            sbatchArgs,
            resume,
            dryRun);
    new SlurmSubmitter(runner, new SlurmCommands(), spec.commandLine().getOut())
        .submit(experiment, options);
    return 0;
  }

  /**
   * The launcher of this installation: {@code xtsim} beside the jar (a portable build) or {@code
   * scripts/xtsim} of the checkout whose {@code experiments/target} holds the jar.
   */
  static String defaultLauncher() {
    try {
      Path jar =
          Path.of(Xtsim.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath();
      Path portable = jar.resolveSibling("xtsim");
      if (Files.isExecutable(portable)) {
        return portable.toString();
      }
      Path checkout = jar.getParent() == null ? null : jar.getParent().getParent();
      if (checkout != null && checkout.getParent() != null) {
        Path script = checkout.getParent().resolve("scripts").resolve("xtsim");
        if (Files.isExecutable(script)) {
          return script.toString();
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(
        "--xtsim: cannot tell where this xtsim's launcher is; give the path of scripts/xtsim or"
            + " of a scripts/make-portable.sh build's xtsim, as the compute nodes see it");
  }
}
