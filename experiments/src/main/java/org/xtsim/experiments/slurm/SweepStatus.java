package org.xtsim.experiments.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.merge.PartFolder;
import org.xtsim.experiments.merge.TaskExit;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.run.Manifest;
import org.xtsim.experiments.shard.Shard;
import org.xtsim.experiments.shard.ShardPlan;

/**
 * Where a submitted sweep stands, from the files its tasks wrote and what {@code squeue} still
 * knows: per shard its points done and the state of its task, and the points of the whole sweep
 * done, running, pending and failed.
 */
public final class SweepStatus {
  /** What a shard is doing. */
  public enum State {
    /** Every point done. */
    DONE,
    /** Its task runs. */
    RUNNING,
    /** Its task waits in the queue. */
    PENDING,
    /** Its task ended without every point done. */
    FAILED
  }

  /**
   * One shard.
   *
   * @param index the shard
   * @param points its points
   * @param done its points done
   * @param state what it is doing
   * @param detail the task's id and state or recorded exit, in words
   */
  public record ShardState(int index, int points, int done, State state, String detail) {}

  private final List<ShardState> shards;
  private final String merge;

  private SweepStatus(List<ShardState> shards, String merge) {
    this.shards = List.copyOf(shards);
    this.merge = merge;
  }

  /** The shards, first first. */
  public List<ShardState> shards() {
    return shards;
  }

  /** The latest merge job and the merged result, in words. */
  public String merge() {
    return merge;
  }

  /** Points of shards in {@code state} not yet done (done points for {@link State#DONE}). */
  public int points(State state) {
    int n = 0;
    for (ShardState s : shards) {
      if (state == State.DONE) {
        n += s.done();
      } else if (s.state() == state) {
        n += s.points() - s.done();
      }
    }
    return n;
  }

  /**
   * Reads the state of the sweep submitted into {@code outDir}.
   *
   * @param points the sweep's points
   * @param plan its split
   * @param submission what was submitted
   * @param slurm Slurm's commands, for the states of the jobs
   */
  public static SweepStatus read(
      Path outDir,
      List<RunPoint> points,
      ShardPlan plan,
      Submission submission,
      SlurmCommands slurm)
      throws IOException {
    Map<String, String> states = slurm.states(submission.jobIds());
    List<ShardState> shards = new ArrayList<>();
    for (int s = 1; s <= plan.count(); s++) {
      List<RunPoint> mine = plan.pointsOf(new Shard(s, plan.count()), points);
      Path part = JobScripts.partDir(outDir, s, plan.count());
      Set<String> done = new HashSet<>();
      TaskExit exit = null;
      if (Files.isRegularFile(part.resolve(Manifest.FILE))) {
        PartFolder folder = PartFolder.readManifest(part);
        exit = folder.exit();
        for (PartFolder.Point p : folder.points()) {
          if (p.done() && p.shard() == s) {
            done.add(p.id());
          }
        }
      } else {
        exit = TaskExit.read(part);
      }
      int doneHere = 0;
      for (RunPoint p : mine) {
        doneHere += done.contains(p.id()) ? 1 : 0;
      }
      Submission.Round round = submission.lastRoundOf(s);
      String task = round == null ? null : round.taskId(s);
      String taskState = task == null ? null : states.get(task);
      State state;
      String detail;
      if (doneHere == mine.size()) {
        state = State.DONE;
        detail = task == null ? "" : "task " + task + (exit != null ? ": " + exit.reason() : "");
      } else if (taskState != null && SlurmSubmitter.ACTIVE.contains(taskState)) {
        state = taskState.equals("PENDING") ? State.PENDING : State.RUNNING;
        detail = "task " + task + " " + taskState.toLowerCase(Locale.ROOT);
      } else {
        state = State.FAILED;
        if (exit != null) {
          detail = "task " + task + " ended: " + exit.reason();
        } else if (taskState != null) {
          detail = "task " + task + " " + taskState.toLowerCase(Locale.ROOT);
        } else {
          detail =
              task == null
                  ? "never submitted"
                  : "task " + task + " left the queue without recording an exit (cancelled?)";
        }
      }
      shards.add(new ShardState(s, mine.size(), doneHere, state, detail));
    }
    return new SweepStatus(shards, mergeText(outDir, submission, states));
  }

  private static String mergeText(Path outDir, Submission submission, Map<String, String> states)
      throws IOException {
    Submission.Round last = submission.rounds().get(submission.rounds().size() - 1);
    String job = last.mergeJob();
    String state = states.get(job);
    String jobText =
        "merge job " + job + " " + (state == null ? "ended" : state.toLowerCase(Locale.ROOT));
    Path manifest = outDir.resolve(Manifest.FILE);
    if (!Files.isRegularFile(manifest)) {
      return jobText + "; no merged result yet";
    }
    Map<String, Object> m = Json.readObject(manifest);
    return String.format(
        Locale.ROOT,
        "%s; merged result %s: %s/%s points (%s)",
        jobText,
        outDir,
        m.get("points_done"),
        m.get("points_total"),
        m.get("status"));
  }
}
