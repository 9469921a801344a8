package org.xtsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.run.ExperimentRunner;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.experiments.run.RunOptions;
import org.xtsim.experiments.shard.Shard;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xtsim run}: runs an experiment file. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs an experiment file (YAML): every workload x configuration x sweep point x replicate.",
      "The whole file is validated before anything runs; a bad file gets one line naming"
          + " file:line:column, the key and the allowed values (exit status 2).",
      "Writes results.csv, distributions.csv, manifest.json and figures/*.png|svg to the output"
          + " folder, each file atomically; the output folder is checked before anything is"
          + " created (exit status 2 if it cannot be written). The files are rewritten as points"
          + " finish, with a manifest whose status says what they hold (running, complete,"
          + " failed, interrupted), so a stopped run keeps what it finished (see --resume).",
      "Ctrl-C (SIGINT) or SIGTERM: the points done are written with status interrupted, stderr"
          + " says how many were kept and the command that resumes, and the exit status is 130"
          + " (SIGINT) or 143 (SIGTERM).",
      "Progress goes to stderr for long sweeps: points done, an ETA fitted on the points"
          + " finished so far, the running point and how far it got. Results are the same"
          + " whatever --threads is.",
      "Every key a file may set, with its unit, default and allowed values: 'xtsim params'.",
      "Limits that protect the machine, each named in the message when passed: a file of at most"
          + " 1 MiB of UTF-8 text, 20 levels of nesting, 50 aliases, 100,000 points per sweep,"
          + " names of at most 100 characters, 1,024 threads."
    })
final class RunCommand implements Callable<Integer> {
  /** Appended to the default output folder of a --quick run. */
  static final String QUICK_SUFFIX = "-quick";

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The experiment file, e.g. experiments/redstorm-virtualization.yaml.")
  Path file;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Worker threads per simulation, 1 to 1,024 (default: the file's 'threads', else 1).")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Output folder: a folder to create or an existing folder (default: results/<name> for"
              + " the full sweep, results/<name>-quick with --quick).")
  Path out;

  @Option(
      names = "--quick",
      description =
          "Run the reduced sweep of the file's 'quick:' section (smaller axes, fewer"
              + " replicates) instead of the full one (default: off).")
  boolean quick;

  @Option(
      names = "--resume",
      description =
          "Skip points whose results are already in the output folder (matched by point id and"
              + " a fingerprint of its parameters and seed); run the rest (default: off, start"
              + " afresh).")
  boolean resume;

  @Option(
      names = "--dry-run",
      description =
          "Validate the file and list its points with their seeds; run nothing (default: off).")
  boolean dryRun;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Run only shard I of N (1 <= I <= N): the points are split into N shards by a"
              + " deterministic plan balanced by each point's expected cost, the same on every"
              + " machine. Writes the shard's rows and a manifest naming the shard and every"
              + " point's shard, without figures; 'xtsim merge' joins the shards into the"
              + " result of a whole run (default output folder: results/<name>/parts/shard-I-of-N)"
              + " (default: the whole sweep).")
  String shardText;

  @Option(
      names = "--no-figures",
      description =
          "Do not draw figures (draw them later with 'xtsim figures DIR') (default: draw them).")
  boolean noFigures;

  @Override
  public Integer call() throws IOException {
    if (threads != null) {
      CommandLimits.threads("--threads", threads);
    }
    Shard shard = shardText == null ? null : Shard.parse("--shard", shardText);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("FILE: no such experiment file: " + file);
    }
    PointRunner runner = PointRunners.installed();
    ExperimentSpec experiment = new ExperimentParser(runner.registry()).parse(file);
    if (quick) {
      experiment = experiment.quick();
    }
    Path dir =
        out != null ? OutputFolders.check("--out", out) : defaultFolder(file, experiment, shard);
    List<String> commandLine = CommandLines.recorded(spec);
    RunOptions options =
        new RunOptions(
            dir,
            threads == null ? 0 : threads,
            resume,
            dryRun,
            !noFigures,
            commandLine,
            resumeCommand(dir));
    if (shard != null) {
      options = options.withShard(shard);
    }
    new ExperimentRunner(runner, spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(experiment, options);
    return 0;
  }

  /**
   * results/NAME (results/NAME-quick with --quick), checked like --out; a name too long for a
   * folder is refused before anything is created.
   */
  static Path defaultFolder(Path file, ExperimentSpec experiment, Shard shard) {
    String folderName = experiment.name() + (experiment.isQuick() ? QUICK_SUFFIX : "");
    if (folderName.length() > OutputFolders.MAX_NAME_BYTES) {
      int max = OutputFolders.MAX_NAME_BYTES - (experiment.isQuick() ? QUICK_SUFFIX.length() : 0);
      throw new IllegalArgumentException(
          file
              + ": name: '"
              + OutputFolders.abbreviated(experiment.name())
              + "' is too long to name the output folder results/<name>"
              + (experiment.isQuick() ? QUICK_SUFFIX : "")
              + "; allowed: at most "
              + max
              + " characters, or give --out DIR");
    }
    Path folder = Path.of("results", folderName);
    if (shard != null) {
      folder = folder.resolve("parts").resolve(shard.folderName());
    }
    return OutputFolders.check(
        "output folder (from name: in " + file + "; --out DIR chooses another)", folder);
  }

  /** The command that resumes this run into {@code dir}. */
  private List<String> resumeCommand(Path dir) {
    List<String> words = new ArrayList<>(List.of("xtsim", "run", file.toString()));
    if (quick) {
      words.add("--quick");
    }
    if (shardText != null) {
      words.addAll(List.of("--shard", shardText));
    }
    words.addAll(List.of("--resume", "--out", dir.toString()));
    return words;
  }
}
