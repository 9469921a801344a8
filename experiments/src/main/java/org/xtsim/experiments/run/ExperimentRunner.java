package org.xtsim.experiments.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.xtsim.experiments.InvalidPointException;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.figures.Figures;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.shard.PointCosts;
import org.xtsim.experiments.shard.ShardPlan;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.spec.SpecException;
import org.xtsim.experiments.spec.SweepAxis;
import org.xtsim.experiments.sweep.PointIdentity;
import org.xtsim.experiments.sweep.SweepExpander;

/**
 * Runs an experiment: expands and validates every point, reads the points already done when
 * resuming (before writing anything), runs the others one after another, and rewrites {@code
 * results.csv}, {@code distributions.csv} and {@code manifest.json} atomically as points finish (at
 * most once per {@link #CHECKPOINT_INTERVAL_NANOS}, and always at the start, at the end or when a
 * point fails; see {@link RunFolder}), so a run stopped in any way keeps its finished points, never
 * leaves a half file, and its manifest says what the files hold ({@code running}, {@code complete},
 * {@code failed} or {@code interrupted}). Stopped by SIGINT or SIGTERM, it writes the points done
 * with status {@code interrupted} and says on stderr what it kept and how to resume. At the end it
 * draws the figures.
 */
public final class ExperimentRunner {
  /** Least time between two progress lines. */
  static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

  /**
   * Least time between two rewrites of the result files while points finish; a run killed from
   * outside loses at most this much finished work, which {@code --resume} redoes.
   */
  static final long CHECKPOINT_INTERVAL_NANOS = 1_000_000_000L;

  private final PointRunner runner;
  private final PrintWriter out;
  private final PrintWriter err;
  private final LongSupplier nanoClock;
  private final Clock clock;
  private final long progressIntervalNanos;
  private final long checkpointIntervalNanos;
  private final Interrupts interrupts;

  /**
   * @param runner runs the points
   * @param out where the summary and the dry-run listing go
   * @param err where progress goes
   */
  public ExperimentRunner(PointRunner runner, PrintWriter out, PrintWriter err) {
    this(
        runner,
        out,
        err,
        System::nanoTime,
        Clock.systemUTC(),
        PROGRESS_INTERVAL_NANOS,
        CHECKPOINT_INTERVAL_NANOS,
        Interrupts.SHUTDOWN_HOOK);
  }

  ExperimentRunner(
      PointRunner runner,
      PrintWriter out,
      PrintWriter err,
      LongSupplier nanoClock,
      Clock clock,
      long progressIntervalNanos,
      long checkpointIntervalNanos,
      Interrupts interrupts) {
    this.runner = runner;
    this.out = out;
    this.err = err;
    this.nanoClock = nanoClock;
    this.clock = clock;
    this.progressIntervalNanos = progressIntervalNanos;
    this.checkpointIntervalNanos = checkpointIntervalNanos;
    this.interrupts = interrupts;
  }

  /**
   * Runs {@code spec} as {@code options} say.
   *
   * @throws SpecException when a point is invalid (nothing has run then)
   * @throws IllegalArgumentException when {@code --resume} finds results of another sweep in the
   *     output folder (nothing has been written then)
   * @throws IOException when result files cannot be read or written
   * @throws RunInterruptedException when the process was stopped (the folder says so)
   */
  public RunSummary run(ExperimentSpec spec, RunOptions options) throws IOException {
    long start = nanoClock.getAsLong();
    Instant started = clock.instant();
    int threads = options.threads() > 0 ? options.threads() : spec.threads();
    List<RunPoint> points = SweepExpander.expand(spec);
    boolean modelsInstalled = !(runner instanceof PointRunners.NotInstalled);
    if (modelsInstalled || !options.dryRun()) {
      validate(spec, points);
    }
    ShardPlan plan =
        options.shard() == null
            ? null
            : ShardPlan.of(points, options.shard().count(), PointCosts.recorded()::seconds);
    List<RunPoint> mine = plan == null ? points : plan.pointsOf(options.shard(), points);
    if (options.dryRun()) {
      listPoints(spec, mine, threads, options.outDir());
      if (!modelsInstalled) {
        out.println(
            "(no simulation model is installed: the file was checked, the points were not)");
        out.flush();
      }
      return new RunSummary(mine.size(), 0, 0, 0, 0, options.outDir(), List.of());
    }
    Path dir = options.outDir();
    List<String> axisColumns =
        spec.axes().stream()
            .map(SweepAxis::name)
            .filter(n -> !n.equals(RunPoint.NODES))
            .collect(Collectors.toList());
    Map<String, String> baselines = new HashMap<>();
    spec.configurations().forEach(c -> baselines.put(c.label(), c.baseline()));

    ResultStore results = new ResultStore(points, axisColumns);
    Map<String, Manifest.PointRecord> records = new LinkedHashMap<>();
    if (options.resume()) {
      // Read only: a folder that cannot be resumed is left as it is.
      results.resume(dir, points, records);
    }
    List<RunPoint> todo = new ArrayList<>();
    for (RunPoint p : mine) {
      if (!records.containsKey(p.id())) {
        todo.add(p);
      }
    }
    int resumed = mine.size() - todo.size();
    RunFolder folder =
        folder(spec, options, threads, points, plan, mine.size(), results, records, start, started);
    ProgressReporter progress = new ProgressReporter(err, nanoClock, progressIntervalNanos, todo);
    long events;
    double wall;
    List<Path> figures = List.of();
    try (Interrupts.Registration hook =
        interrupts.onInterrupt(() -> interrupted(folder, progress, options))) {
      folder.open();
      String status = Manifest.FAILED;
      try (ProgressReporter.Ticking ticking = ticking(progress)) {
        events = runPoints(todo, threads, baselines, folder, progress);
        status = Manifest.COMPLETE;
      } finally {
        // Also after a failure: every finished point reaches the files, complete.
        folder.save(status);
      }
      if (options.figures() && plan == null) { // a shard's figures would show a part
        figures = Figures.drawAll(folder.rows(), folder.distributionRows(), dir.resolve("figures"));
      }
      // Again once the figures exist, with the whole wall time.
      wall = folder.finish(status);
      if (Double.isNaN(wall)) {
        throw new RunInterruptedException(); // while drawing the figures
      }
    }
    RunSummary summary =
        new RunSummary(mine.size(), todo.size(), resumed, wall, events, dir, figures);
    out.printf(
        java.util.Locale.ROOT,
        "%s%s: %d points (%d run, %d resumed), %,d events, %.1f s wall; results in %s%n",
        spec.name(),
        plan == null
            ? ""
            : " shard " + options.shard() + " (" + mine.size() + " of " + points.size() + ")",
        summary.points(),
        summary.ran(),
        summary.resumed(),
        events,
        wall,
        dir);
    out.flush();
    return summary;
  }

  /** Progress lines between the runner's reports, unless the interval is "never" (tests). */
  private ProgressReporter.Ticking ticking(ProgressReporter progress) {
    return progressIntervalNanos < TimeUnit.DAYS.toNanos(1)
        ? progress.tickEveryInterval()
        : () -> {};
  }

  /** The output folder, writing its manifest from {@code records} with the run's settings. */
  private RunFolder folder(
      ExperimentSpec spec,
      RunOptions options,
      int threads,
      List<RunPoint> points,
      ShardPlan plan,
      int pointsToRun,
      ResultStore results,
      Map<String, Manifest.PointRecord> records,
      long startNanos,
      Instant started) {
    Manifest.Header header =
        new Manifest.Header(
            BuildInfo.read(),
            options.commandLine(),
            threads,
            spec.toMap(),
            ExperimentFingerprint.of(spec),
            options.shard(),
            List.of());
    List<Manifest.PointEntry> entries = new ArrayList<>(points.size());
    for (RunPoint p : points) {
      entries.add(
          new Manifest.PointEntry(
              p.id(),
              p.seed(),
              PointIdentity.fingerprint(p),
              plan == null ? 0 : plan.shardOf(p.id())));
    }
    return new RunFolder(
        options.outDir(),
        results,
        records,
        pointsToRun,
        status -> {
          double wall = (nanoClock.getAsLong() - startNanos) / 1e9;
          Manifest.write(
              options.outDir(), header, entries, records, status, started, clock.instant(), wall);
          return wall;
        });
  }

  /**
   * Runs {@code todo} one after another into {@code folder}, saving it at most once per checkpoint
   * interval; returns the events committed.
   *
   * @throws RunInterruptedException when the process is being stopped (the folder is closed)
   */
  private long runPoints(
      List<RunPoint> todo,
      int threads,
      Map<String, String> baselines,
      RunFolder folder,
      ProgressReporter progress)
      throws IOException {
    long events = 0;
    long lastWrite = nanoClock.getAsLong();
    for (RunPoint p : todo) {
      progress.started(p);
      long t0 = nanoClock.getAsLong();
      PointResult result;
      try {
        result = runner.run(p, threads, progress);
      } catch (RuntimeException e) {
        throw new IllegalStateException("point " + p.id() + " failed: " + e.getMessage(), e);
      }
      long t1 = nanoClock.getAsLong();
      double pointWall =
          Double.isNaN(result.wallSeconds()) ? (t1 - t0) / 1e9 : result.wallSeconds();
      folder.add(
          p,
          ResultRow.of(p, baselines.get(p.configuration()), result, pointWall),
          DistributionRow.of(p, result),
          new Manifest.PointRecord(pointWall, result.events(), false));
      events += result.events();
      progress.finished();
      if (folder.isClosed()) {
        throw new RunInterruptedException();
      }
      if (t1 - lastWrite >= checkpointIntervalNanos) {
        folder.save(Manifest.RUNNING);
        lastWrite = nanoClock.getAsLong();
      }
    }
    return events;
  }

  /**
   * Every point passes the runner's checks before any runs.
   *
   * @throws SpecException naming the file, line and key of the first invalid point
   */
  public void validate(ExperimentSpec spec, List<RunPoint> points) {
    for (RunPoint p : points) {
      try {
        runner.validate(p);
      } catch (InvalidPointException e) {
        throw new SpecException(
            spec.locate(e.key(), p.workload(), p.configuration()),
            e.key(),
            e.getMessage() + " (point " + p.id() + ")");
      }
    }
  }

  private void listPoints(ExperimentSpec spec, List<RunPoint> points, int threads, Path dir) {
    out.printf(
        java.util.Locale.ROOT,
        "%s%s: %d points, %d thread%s per point, output %s%n",
        spec.name(),
        spec.isQuick() ? " (quick)" : "",
        points.size(),
        threads,
        threads == 1 ? "" : "s",
        dir);
    for (RunPoint p : points) {
      out.printf(java.util.Locale.ROOT, "  %-60s seed %d%n", p.id(), p.seed());
    }
    out.flush();
  }

  /**
   * The process is being stopped: leaves the folder saying so and tells the user what it holds and
   * how to go on. Runs on the shutdown hook's thread.
   */
  private void interrupted(RunFolder folder, ProgressReporter progress, RunOptions options) {
    progress.silence();
    String resume = "resume with: " + Shell.quote(options.resumeCommand());
    try {
      RunFolder.Kept kept = folder.interrupt();
      if (kept == null) {
        return; // not started writing, or finished: nothing to say
      }
      // One write, so that nothing the run's thread prints meanwhile comes between the lines.
      err.print(
          String.format(
              java.util.Locale.ROOT,
              "xtsim run: interrupted; kept %d/%d points in %s (manifest.json: status %s)%n"
                  + "xtsim run: %s%n",
              kept.pointsDone(),
              kept.pointsTotal(),
              kept.dir(),
              Manifest.INTERRUPTED,
              resume));
    } catch (IOException | RuntimeException e) {
      err.println(
          "xtsim run: interrupted; could not record the points done in "
              + options.outDir()
              + " ("
              + e
              + "); "
              + resume);
    }
    err.flush();
  }
}
