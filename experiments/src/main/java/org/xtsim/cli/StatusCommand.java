package org.xtsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.run.ExperimentFingerprint;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.experiments.shard.PointCosts;
import org.xtsim.experiments.shard.ShardPlan;
import org.xtsim.experiments.slurm.JobScripts;
import org.xtsim.experiments.slurm.SlurmCommands;
import org.xtsim.experiments.slurm.SlurmSubmitter;
import org.xtsim.experiments.slurm.Submission;
import org.xtsim.experiments.slurm.SweepStatus;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.sweep.SweepExpander;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xtsim status}: where a submitted sweep stands. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows where a sweep submitted with 'xtsim submit' stands: points done, running, pending"
          + " and failed, then one line per shard (points done, its task and its state or"
          + " recorded exit) and the merge. Reads the files the tasks wrote and asks squeue about"
          + " the jobs still queued.",
      "Exit status 0 when every point is done, 1 when some failed (rerun them with 'xtsim submit"
          + " FILE --slurm --resume --out DIR'), 3 while tasks are pending or running."
    })
final class StatusCommand implements Callable<Integer> {
  /** Exit status while the sweep is still going. */
  static final int GOING = 3;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "The result folder given to 'xtsim submit --out'.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Submission submission = Submission.read(JobScripts.slurmDir(dir));
    if (submission == null) {
      throw new IllegalArgumentException(
          "DIR: " + dir + " holds no submitted sweep (no slurm/" + Submission.FILE + ")");
    }
    Path file = Path.of(submission.experimentFile());
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "DIR: the sweep's experiment file "
              + file
              + " is gone (run status where it was submitted)");
    }
    PointRunner runner = PointRunners.installed();
    ExperimentSpec experiment = new ExperimentParser(runner.registry()).parse(file);
    if (submission.quick()) {
      experiment = experiment.quick();
    }
    PrintWriter print = spec.commandLine().getOut();
    if (!ExperimentFingerprint.of(experiment).equals(submission.experimentFingerprint())) {
      print.println(
          "warning: " + file + " changed since it was submitted; the points below are today's");
    }
    List<RunPoint> points = SweepExpander.expand(experiment);
    ShardPlan plan =
        SlurmSubmitter.recordedPlan(
            dir,
            submission.shards(),
            points,
            ShardPlan.of(points, submission.shards(), PointCosts.recorded()::seconds));
    SweepStatus status = SweepStatus.read(dir, points, plan, submission, new SlurmCommands());
    print.printf(
        Locale.ROOT,
        "%s%s: %d points in %d shards: %d done, %d running, %d pending, %d failed%n",
        experiment.name(),
        experiment.isQuick() ? " (quick)" : "",
        points.size(),
        submission.shards(),
        status.points(SweepStatus.State.DONE),
        status.points(SweepStatus.State.RUNNING),
        status.points(SweepStatus.State.PENDING),
        status.points(SweepStatus.State.FAILED));
    for (SweepStatus.ShardState s : status.shards()) {
      print.printf(
          Locale.ROOT,
          "  shard %d: %d/%d done, %s%s%n",
          s.index(),
          s.done(),
          s.points(),
          s.state().name().toLowerCase(Locale.ROOT),
          s.detail().isEmpty() ? "" : " (" + s.detail() + ")");
    }
    print.println(status.merge());
    print.flush();
    if (status.points(SweepStatus.State.RUNNING) + status.points(SweepStatus.State.PENDING) > 0) {
      return GOING;
    }
    return status.points(SweepStatus.State.FAILED) > 0 ? OneLineErrors.FAILED : 0;
  }
}
