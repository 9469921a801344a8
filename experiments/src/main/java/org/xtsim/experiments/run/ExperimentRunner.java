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
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.xtsim.experiments.InvalidPointException;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.figures.Figures;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.DistributionsCsv;
import org.xtsim.experiments.results.OverheadCalculator;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.spec.SpecException;
import org.xtsim.experiments.spec.SweepAxis;
import org.xtsim.experiments.sweep.PointIdentity;
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
    List<String> axisColumns =
        spec.axes().stream()
            .map(SweepAxis::name)
            .filter(n -> !n.equals(RunPoint.NODES))
            .collect(Collectors.toList());
    Map<String, String> baselines = new HashMap<>();
    spec.configurations().forEach(c -> baselines.put(c.label(), c.baseline()));

    Results results = new Results(points, axisColumns);
    Map<String, ManifestWriter.PointRecord> records = new LinkedHashMap<>();
    if (options.resume()) {
      results.resume(dir, points, records);
    }
    // A fresh run starts from empty files, so that an early failure leaves no stale results.
    results.write(dir);
    List<RunPoint> todo = new ArrayList<>();
    for (RunPoint p : points) {
      if (!records.containsKey(p.id())) {
        todo.add(p);
      }
    }
    int resumed = points.size() - todo.size();
    ProgressReporter progress =
        new ProgressReporter(
            err,
            nanoClock,
            progressIntervalNanos,
            todo.size(),
            todo.stream().mapToDouble(RunPoint::nodes).sum());
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
      double wall = (nanoClock.getAsLong() - start) / 1e9;
      ManifestWriter.write(
          dir, spec, options, threads, points, records, status, started, clock.instant(), wall);
    }
    List<Path> figures =
        Figures.drawAll(results.rows(), results.distributionRows(), dir.resolve("figures"));
    double wall = (nanoClock.getAsLong() - start) / 1e9;
    ManifestWriter.write(
        dir, spec, options, threads, points, records, status, started, clock.instant(), wall);
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
        "%s%s: %d points, %d threads per point, output %s%n",
        spec.name(),
        spec.isQuick() ? " (quick)" : "",
        points.size(),
        threads,
        dir);
    for (RunPoint p : points) {
      out.printf(java.util.Locale.ROOT, "  %-60s seed %d%n", p.id(), p.seed());
    }
    out.flush();
  }

  /** The result rows of the points done so far, kept in sweep order. */
  private static final class Results {
    private final Map<String, List<ResultRow>> rows = new LinkedHashMap<>();
    private final Map<String, List<DistributionRow>> distributions = new LinkedHashMap<>();
    private final List<String> axisColumns;

    Results(List<RunPoint> points, List<String> axisColumns) {
      this.axisColumns = axisColumns;
      for (RunPoint p : points) {
        rows.put(p.id(), null);
        distributions.put(p.id(), null);
      }
    }

    void add(RunPoint p, List<ResultRow> r, List<DistributionRow> d) {
      rows.put(p.id(), r);
      distributions.put(p.id(), d);
    }

    /** Takes the rows of points already done from the files in {@code dir}. */
    void resume(Path dir, List<RunPoint> points, Map<String, ManifestWriter.PointRecord> records)
        throws IOException {
      Path csv = dir.resolve(ResultsCsv.FILE);
      if (!Files.exists(csv)) {
        return;
      }
      Map<String, RunPoint> byId = new LinkedHashMap<>();
      points.forEach(p -> byId.put(p.id(), p));
      Map<String, List<ResultRow>> old = new LinkedHashMap<>();
      for (ResultRow r : ResultsCsv.read(csv)) {
        old.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
      }
      Map<String, List<DistributionRow>> oldDist = new HashMap<>();
      for (DistributionRow r : DistributionsCsv.read(dir.resolve(DistributionsCsv.FILE))) {
        oldDist.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<String, List<ResultRow>> e : old.entrySet()) {
        RunPoint p = byId.get(e.getKey());
        if (p == null) {
          continue;
        }
        ResultRow first = e.getValue().get(0);
        if (!first.fingerprint().equals(PointIdentity.fingerprint(p))) {
          throw new IllegalArgumentException(
              "--resume: "
                  + csv
                  + " holds point "
                  + p.id()
                  + " made with other parameters or seed; use another --out or run without"
                  + " --resume");
        }
        add(p, e.getValue(), oldDist.getOrDefault(p.id(), List.of()));
        records.put(
            p.id(), new ManifestWriter.PointRecord(first.wallSeconds(), first.events(), true));
      }
      Set<String> dropped = new java.util.TreeSet<>(old.keySet());
      dropped.removeAll(byId.keySet());
      if (!dropped.isEmpty()) {
        throw new IllegalArgumentException(
            "--resume: "
                + csv
                + " holds "
                + dropped.size()
                + " points that are not in this sweep (e.g. "
                + dropped.iterator().next()
                + "); use another --out");
      }
    }

    List<ResultRow> rows() {
      List<ResultRow> all = new ArrayList<>();
      rows.values()
          .forEach(
              r -> {
                if (r != null) {
                  all.addAll(r);
                }
              });
      return OverheadCalculator.apply(all);
    }

    List<DistributionRow> distributionRows() {
      List<DistributionRow> all = new ArrayList<>();
      distributions
          .values()
          .forEach(
              r -> {
                if (r != null) {
                  all.addAll(r);
                }
              });
      return all;
    }

    void write(Path dir) throws IOException {
      AtomicFiles.writeString(dir.resolve(ResultsCsv.FILE), ResultsCsv.format(rows(), axisColumns));
      AtomicFiles.writeString(
          dir.resolve(DistributionsCsv.FILE),
          DistributionsCsv.format(distributionRows(), axisColumns));
    }
  }
}
