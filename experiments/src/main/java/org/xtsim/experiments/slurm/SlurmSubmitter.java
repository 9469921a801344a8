package org.xtsim.experiments.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.merge.PartFolder;
import org.xtsim.experiments.run.ExperimentFingerprint;
import org.xtsim.experiments.run.ExperimentRunner;
import org.xtsim.experiments.run.Shell;
import org.xtsim.experiments.shard.PointCosts;
import org.xtsim.experiments.shard.Shard;
import org.xtsim.experiments.shard.ShardPlan;
import org.xtsim.experiments.simulation.SimulationPointRunner;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.sweep.SweepExpander;

/**
 * Submits a sweep to Slurm: a job array with one task per shard and a merge job after it ({@code
 * afterany}, so that it also runs when a task failed and names the failed task's points), writing
 * the scripts and {@link Submission} into {@code OUT/slurm}. With {@code resume}, only the shards
 * with points missing are submitted again.
 */
public final class SlurmSubmitter {
  /** Slurm job states in which a task may still write its shard's folder. */
  static final Set<String> ACTIVE =
      Set.of(
          "PENDING",
          "CONFIGURING",
          "RUNNING",
          "COMPLETING",
          "SUSPENDED",
          "REQUEUED",
          "RESIZING",
          "SIGNALING",
          "STAGE_OUT");

  /** Expected work per task when the shard count is not given: one hour. */
  static final double DEFAULT_SECONDS_PER_SHARD = 3600;

  /**
   * How to submit.
   *
   * @param experimentFile the experiment file as given
   * @param out the result folder
   * @param shards how many shards, or 0 for one per hour of expected work
   * @param threads threads per simulation
   * @param xtsim the command that runs xtsim on a compute node
   * @param partition Slurm partition, or null
   * @param account Slurm account, or null
   * @param time time limit per task as Slurm reads it, or null to size it from the points
   * @param memMiB memory per task in MiB, or 0 to size it from the points
   * @param arrayThrottle most tasks running at once, or 0 for no limit
   * @param sbatchArgs further sbatch options, passed as they are
   * @param resume submit only the shards with missing points
   * @param dryRun write the scripts, submit nothing
   */
  public record Options(
      Path experimentFile,
      Path out,
      int shards,
      int threads,
      String xtsim,
      String partition,
      String account,
      String time,
      long memMiB,
      int arrayThrottle,
      List<String> sbatchArgs,
      boolean resume,
      boolean dryRun) {
    /** Copies the list. */
    public Options {
      sbatchArgs = List.copyOf(sbatchArgs);
    }
  }

  private final PointRunner runner;
  private final SlurmCommands slurm;
  private final PrintWriter out;
  private final Clock clock;

  /**
   * @param runner validates the points and estimates their heap
   * @param slurm Slurm's commands
   * @param out where the summary goes
   */
  public SlurmSubmitter(PointRunner runner, SlurmCommands slurm, PrintWriter out) {
    this(runner, slurm, out, Clock.systemUTC());
  }

  SlurmSubmitter(PointRunner runner, SlurmCommands slurm, PrintWriter out, Clock clock) {
    this.runner = runner;
    this.slurm = slurm;
    this.out = out;
    this.clock = clock;
  }

  /**
   * Submits {@code spec} as {@code o} says; returns the submission as recorded, or null when
   * nothing was submitted (a dry run, or nothing left to run).
   *
   * @throws IllegalArgumentException for bad options or an output folder that does not fit
   * @throws IllegalStateException when Slurm refuses (nothing stays submitted then)
   */
  public Submission submit(ExperimentSpec spec, Options o) throws IOException {
    Path outDir = o.out().toAbsolutePath().normalize();
    if (outDir.toString().matches(".*\\s.*")) {
      throw new IllegalArgumentException(
          "--out: '" + outDir + "' holds white space, which #SBATCH lines cannot carry");
    }
    List<RunPoint> points = SweepExpander.expand(spec);
    new ExperimentRunner(runner, out, out).validate(spec, points);
    PointCosts costs = PointCosts.recorded();
    String fingerprint = ExperimentFingerprint.of(spec);
    Path slurmDir = JobScripts.slurmDir(outDir);
    Submission earlier = Submission.read(slurmDir);
    int shards = shardCount(o, earlier, points, costs);
    ShardPlan fresh = ShardPlan.of(points, shards, costs::seconds);
    ShardPlan plan = o.resume() ? recordedPlan(outDir, shards, points, fresh) : fresh;

    List<Integer> todo = new ArrayList<>();
    if (o.resume()) {
      if (earlier == null) {
        throw new IllegalArgumentException(
            "--resume: " + outDir + " holds no submitted sweep (no slurm/" + Submission.FILE + ")");
      }
      if (!earlier.experimentFingerprint().equals(fingerprint)) {
        throw new IllegalArgumentException(
            "--resume: "
                + outDir
                + " was submitted for another experiment (fingerprint "
                + earlier.experimentFingerprint()
                + ", this file "
                + fingerprint
                + "); choose another --out");
      }
      refuseActive(earlier);
      todo.addAll(shardsMissingPoints(outDir, plan, points));
    } else {
      if (earlier != null) {
        throw new IllegalArgumentException(
            "--out: "
                + outDir
                + " already holds a submitted sweep; go on with --resume, or choose another --out");
      }
      for (int s = 1; s <= shards; s++) {
        todo.add(s);
      }
    }

    long memMiB = memMiB(o, points);
    double longest = 0;
    for (int s : todo) {
      double shardSeconds = 0;
      for (RunPoint p : plan.pointsOf(new Shard(s, shards), points)) {
        shardSeconds += costs.seconds(p);
      }
      longest = Math.max(longest, shardSeconds);
    }
    String time =
        o.time() != null ? o.time() : TaskSizing.slurmTime(TaskSizing.timeSeconds(longest));
    JobScripts.Settings settings =
        new JobScripts.Settings(
            "xtsim-" + spec.name(),
            o.experimentFile().toAbsolutePath().normalize(),
            spec.isQuick(),
            shards,
            outDir,
            Path.of("").toAbsolutePath(),
            o.xtsim(),
            memMiB,
            time,
            o.threads() > 0 ? o.threads() : spec.threads(),
            o.partition(),
            o.account());
    Path arrayScript = slurmDir.resolve("array.sh");
    Path mergeScript = slurmDir.resolve("merge.sh");
    Files.createDirectories(slurmDir.resolve("logs"));
    writeScript(arrayScript, JobScripts.arrayScript(settings));
    writeScript(mergeScript, JobScripts.mergeScript(settings));

    List<String> arrayArgs = new ArrayList<>();
    if (!todo.isEmpty()) {
      arrayArgs.add(
          "--array=" + arraySpec(todo) + (o.arrayThrottle() > 0 ? "%" + o.arrayThrottle() : ""));
    }
    arrayArgs.addAll(o.sbatchArgs());
    arrayArgs.add(arrayScript.toString());
    double total = 0;
    for (RunPoint p : points) {
      total += costs.seconds(p);
    }
    out.printf(
        Locale.ROOT,
        "expected work (costs fitted on the reference runs): %.0f s in all, %.0f s in the"
            + " longest shard submitted%n",
        total,
        longest);
    out.printf(
        Locale.ROOT,
        "%s%s: %d points in %d shard%s; submitting %s; %d MiB (-Xmx%dm) and %s per task%n",
        spec.name(),
        spec.isQuick() ? " (quick)" : "",
        points.size(),
        shards,
        shards == 1 ? "" : "s",
        todo.isEmpty()
            ? "the merge only (every shard is done)"
            : (todo.size() == 1 ? "shard " : "shards ") + arraySpec(todo),
        memMiB,
        TaskSizing.heapMiB(memMiB),
        time);
    if (o.dryRun()) {
      if (!todo.isEmpty()) {
        out.println("would run: sbatch --parsable " + Shell.quote(arrayArgs));
      }
      out.println(
          "would run: sbatch --parsable --dependency=afterany:<array job> "
              + Shell.quote(withScript(o.sbatchArgs(), mergeScript)));
      out.println("scripts in " + slurmDir + "; nothing submitted (--dry-run)");
      out.flush();
      return null;
    }
    String arrayJob = todo.isEmpty() ? "" : slurm.sbatch(arrayArgs);
    String mergeJob;
    try {
      List<String> mergeArgs = new ArrayList<>();
      if (!arrayJob.isEmpty()) {
        mergeArgs.add("--dependency=afterany:" + arrayJob);
      }
      mergeArgs.addAll(withScript(o.sbatchArgs(), mergeScript));
      mergeJob = slurm.sbatch(mergeArgs);
    } catch (RuntimeException e) {
      if (!arrayJob.isEmpty()) {
        slurm.scancel(List.of(arrayJob)); // nothing half-submitted
      }
      throw e;
    }
    Submission.Round round =
        new Submission.Round(arrayJob, todo, mergeJob, clock.instant().toString());
    Submission submission =
        earlier != null
            ? earlier.with(round)
            : new Submission(
                o.experimentFile().toString(), spec.isQuick(), shards, fingerprint, List.of(round));
    submission.write(slurmDir);
    out.printf(
        Locale.ROOT,
        "submitted %s, merge job %s after it; logs in %s%n"
            + "watch: xtsim status %s%n"
            + "rerun failed shards: xtsim submit %s --slurm%s --resume --out %s%n",
        arrayJob.isEmpty() ? "no array" : "array job " + arrayJob,
        mergeJob,
        slurmDir.resolve("logs"),
        Shell.quote(outDir.toString()),
        Shell.quote(o.experimentFile().toString()),
        spec.isQuick() ? " --quick" : "",
        Shell.quote(outDir.toString()));
    out.flush();
    return submission;
  }

  /** The shard count: as given, as submitted before, or one per hour of expected work. */
  private static int shardCount(
      Options o, Submission earlier, List<RunPoint> points, PointCosts costs) {
    if (earlier != null && o.resume()) {
      if (o.shards() > 0 && o.shards() != earlier.shards()) {
        throw new IllegalArgumentException(
            "--shards: the sweep was submitted in "
                + earlier.shards()
                + " shards; --resume keeps them (leave --shards out)");
      }
      return earlier.shards();
    }
    if (o.shards() > 0) {
      if (o.shards() > points.size()) {
        throw new IllegalArgumentException(
            "--shards: "
                + o.shards()
                + " shards for "
                + points.size()
                + " points; allowed: 1 to "
                + points.size());
      }
      return o.shards();
    }
    double total = 0;
    for (RunPoint p : points) {
      total += costs.seconds(p);
    }
    int n = (int) Math.ceil(total / DEFAULT_SECONDS_PER_SHARD);
    return Math.max(1, Math.min(n, Math.min(points.size(), Shard.MAX_COUNT)));
  }

  /** Refuses to resubmit while a task of an earlier round may still write its folder. */
  private void refuseActive(Submission earlier) {
    Map<String, String> states = slurm.states(earlier.jobIds());
    for (Map.Entry<String, String> e : states.entrySet()) {
      if (ACTIVE.contains(e.getValue())) {
        throw new IllegalArgumentException(
            "--resume: job "
                + e.getKey()
                + " is still "
                + e.getValue().toLowerCase(Locale.ROOT)
                + "; wait for it (xtsim status) or cancel it (scancel "
                + e.getKey()
                + ") first");
      }
    }
  }

  /**
   * The split the sweep's tasks made, as the first part folder's manifest records it, or {@code
   * fresh} when no task has written one yet: a build with another cost table would split otherwise.
   */
  public static ShardPlan recordedPlan(
      Path outDir, int shards, List<RunPoint> points, ShardPlan fresh) throws IOException {
    for (int s = 1; s <= shards; s++) {
      Path part = JobScripts.partDir(outDir, s, shards);
      if (!Files.isRegularFile(part.resolve("manifest.json"))) {
        continue;
      }
      java.util.Map<String, Integer> shardOf = new java.util.LinkedHashMap<>();
      for (PartFolder.Point p : PartFolder.readManifest(part).points()) {
        shardOf.put(p.id(), p.shard());
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      points.forEach(p -> ids.add(p.id()));
      if (!shardOf.keySet().equals(ids)) {
        throw new IllegalArgumentException(
            part
                + " lists other points than the experiment file now gives; the file changed since"
                + " it was submitted");
      }
      return ShardPlan.recorded(shards, shardOf);
    }
    return fresh;
  }

  /** The shards some of whose points no part folder holds. */
  static List<Integer> shardsMissingPoints(Path outDir, ShardPlan plan, List<RunPoint> points)
      throws IOException {
    List<Integer> missing = new ArrayList<>();
    for (int s = 1; s <= plan.count(); s++) {
      Path part = JobScripts.partDir(outDir, s, plan.count());
      java.util.Set<String> done = new java.util.HashSet<>();
      if (Files.isRegularFile(part.resolve("manifest.json"))) {
        for (PartFolder.Point p : PartFolder.readManifest(part).points()) {
          if (p.done()) {
            done.add(p.id());
          }
        }
      }
      for (RunPoint p : plan.pointsOf(new Shard(s, plan.count()), points)) {
        if (!done.contains(p.id())) {
          missing.add(s);
          break;
        }
      }
    }
    return missing;
  }

  /** The memory per task: as given (checked against the heap the points need) or sized. */
  private long memMiB(Options o, List<RunPoint> points) {
    long heap = 0;
    if (runner instanceof SimulationPointRunner sim) {
      for (RunPoint p : points) {
        heap = Math.max(heap, sim.heapEstimate(p).bytes());
      }
    }
    if (o.memMiB() <= 0) {
      return TaskSizing.memMiB(heap);
    }
    long heapMiB = TaskSizing.heapMiB(o.memMiB());
    if (heapMiB * (1L << 20) < heap) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "--mem: %d MiB gives a %d MiB heap (%.0f %%), but the largest point needs %d MiB;"
                  + " allowed: at least %d MiB",
              o.memMiB(),
              heapMiB,
              TaskSizing.HEAP_FRACTION * 100,
              (heap + (1 << 20) - 1) >> 20,
              TaskSizing.memMiB(heap)));
    }
    return o.memMiB();
  }

  private static List<String> withScript(List<String> args, Path script) {
    List<String> all = new ArrayList<>(args);
    all.add(script.toString());
    return all;
  }

  private static void writeScript(Path file, String text) throws IOException {
    Files.writeString(file, text);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: sbatch reads the script all the same
    }
  }

  /** Slurm's array list for {@code shards} (ascending): {@code 1-4,7,9-10}. */
  static String arraySpec(List<Integer> shards) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < shards.size()) {
      int j = i;
      while (j + 1 < shards.size() && shards.get(j + 1) == shards.get(j) + 1) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(shards.get(i));
      if (j > i) {
        sb.append('-').append(shards.get(j));
      }
      i = j + 1;
    }
    return sb.toString();
  }
}
