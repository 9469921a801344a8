package org.xtsim.experiments.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.xtsim.experiments.InvalidPointException;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.figures.Figures;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.spec.SpecException;
import org.xtsim.experiments.spec.SweepAxis;
import org.xtsim.experiments.sweep.SweepExpander;

/**
 * Runs an experiment: expands and validates every point, skips points already done when resuming,
 * runs the others one after another, and rewrites {@code results.csv} and {@code distributions.csv}
 * atomically as points finish (at most once per {@link #CHECKPOINT_INTERVAL_NANOS}, and always at
 * the end or when a point fails), so an interrupted run keeps its finished points and never leaves
 * a half file; at the end draws the figures and writes {@code manifest.json}.
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
        CHECKPOINT_INTERVAL_NANOS);
  }

  ExperimentRunner(
      PointRunner runner,
      PrintWriter out,
      PrintWriter err,
      LongSupplier nanoClock,
      Clock clock,
      long progressIntervalNanos,
      long checkpointIntervalNanos) {
    this.runner = runner;
    this.out = out;
    this.err = err;
    this.nanoClock = nanoClock;
    this.clock = clock;
    this.progressIntervalNanos = progressIntervalNanos;
    this.checkpointIntervalNanos = checkpointIntervalNanos;
  }

  /**
   * Runs {@code spec} as {@code options} say.
   *
   * @throws SpecException when a point is invalid (nothing has run then)
   * @throws IOException when result files cannot be read or written
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
    if (options.dryRun()) {
      listPoints(spec, points, threads, options.outDir());
      if (!modelsInstalled) {
        out.println(
            "(no simulation model is installed: the file was checked, the points were not)");
        out.flush();
      }
      return new RunSummary(points.size(), 0, 0, 0, 0, options.outDir(), List.of());
    }
    Path dir = options.outDir();
    Files.createDirectories(dir);
    AtomicFiles.deleteLeftovers(dir);
    List<String> axisColumns =
        spec.axes().stream()
            .map(SweepAxis::name)
            .filter(n -> !n.equals(RunPoint.NODES))
            .collect(Collectors.toList());
    Map<String, String> baselines = new HashMap<>();
    spec.configurations().forEach(c -> baselines.put(c.label(), c.baseline()));

    BuildInfo build = BuildInfo.read();
    ResultStore results = new ResultStore(points, axisColumns);
    Map<String, ManifestWriter.PointRecord> records = new LinkedHashMap<>();
    if (options.resume()) {
      results.resume(dir, points, records);
    }
    // The files now hold exactly the points done (none for a fresh run): an early failure never
    // leaves the results of an earlier run behind as if they were this one's.
    results.write(dir);
    List<RunPoint> todo = new ArrayList<>();
    for (RunPoint p : points) {
      if (!records.containsKey(p.id())) {
        todo.add(p);
      }
    }
    int resumed = points.size() - todo.size();
    ProgressReporter progress = new ProgressReporter(err, nanoClock, progressIntervalNanos, todo);
    // Written after the last point (or a failure) and again once the figures exist: the manifest
    // always describes what is in the folder. Returns the wall time it records.
    ManifestStep writeManifest =
        st -> {
          double wall = (nanoClock.getAsLong() - start) / 1e9;
          ManifestWriter.write(
              dir,
              build,
              spec,
              options,
              threads,
              points,
              records,
              st,
              started,
              clock.instant(),
              wall);
          return wall;
        };
    long events = 0;
    String status = "failed";
    long lastWrite = nanoClock.getAsLong();
    try {
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
        double wall = Double.isNaN(result.wallSeconds()) ? (t1 - t0) / 1e9 : result.wallSeconds();
        results.add(
            p,
            ResultRow.of(p, baselines.get(p.configuration()), result, wall),
            DistributionRow.of(p, result));
        records.put(p.id(), new ManifestWriter.PointRecord(wall, result.events(), false));
        events += result.events();
        progress.finished();
        if (t1 - lastWrite >= checkpointIntervalNanos) {
          results.write(dir);
          lastWrite = nanoClock.getAsLong();
        }
      }
      status = "complete";
    } finally {
      // Also after a failure: every finished point reaches the files, complete.
      results.write(dir);
      writeManifest.accept(status);
    }
    List<Path> figures =
        options.figures()
            ? Figures.drawAll(results.rows(), results.distributionRows(), dir.resolve("figures"))
            : List.of();
    double wall = writeManifest.accept(status);
    RunSummary summary =
        new RunSummary(points.size(), todo.size(), resumed, wall, events, dir, figures);
    out.printf(
        java.util.Locale.ROOT,
        "%s: %d points (%d run, %d resumed), %,d events, %.1f s wall; results in %s%n",
        spec.name(),
        summary.points(),
        summary.ran(),
        summary.resumed(),
        events,
        wall,
        dir);
    out.flush();
    return summary;
  }

  /** Every point passes the runner's checks before any runs. */
  private void validate(ExperimentSpec spec, List<RunPoint> points) {
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

  /** Writes the manifest with a status and returns the wall time it records. */
  @FunctionalInterface
  private interface ManifestStep {
    double accept(String status) throws IOException;
  }
}
