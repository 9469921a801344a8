package org.xtsim.experiments.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.figures.Figures;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.DistributionsCsv;
import org.xtsim.experiments.results.FailuresCsv;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.results.ReplicateIntervals;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;
import org.xtsim.experiments.run.Manifest;

/**
 * Joins the result folders of a sweep's parts (shards run apart, e.g. as a Slurm job array) into
 * the files a whole run writes: {@code results.csv} and {@code distributions.csv} with the rows in
 * sweep order and the overheads computed across parts (a point's baseline may have run in another
 * shard), {@code manifest.json} and the figures. So that a merge can never pass off a mixture as a
 * result, it first checks, before writing anything, that every part comes from the same experiment
 * (its fingerprint) and the same build (version, git commit and dirty flag: the version string
 * alone proves nothing), and that no point is in two parts. Points that no part holds are named in
 * {@code failures.csv} with the shard that should have run them and why it did not (the task's
 * recorded exit, or the part's status), and the manifest says {@code incomplete}.
 */
public final class ResultMerger {
  /** What a merge gave. */
  public record Summary(
      int pointsTotal, int pointsDone, List<FailuresCsv.Failure> missing, Path dir) {
    /** Whether every point is in the result. */
    public boolean complete() {
      return missing.isEmpty();
    }
  }

  private final Clock clock;

  /** A merger that stamps the manifest with the system clock. */
  public ResultMerger() {
    this(Clock.systemUTC());
  }

  ResultMerger(Clock clock) {
    this.clock = clock;
  }

  /**
   * Merges {@code partDirs} into {@code out}.
   *
   * @param commandLine the merge's command line, for the manifest
   * @param figures whether to draw the figures
   * @throws IllegalArgumentException when the parts cannot be merged (nothing is written then)
   * @throws IOException when a file cannot be read or written
   */
  public Summary merge(List<Path> partDirs, Path out, List<String> commandLine, boolean figures)
      throws IOException {
    if (partDirs.isEmpty()) {
      throw new IllegalArgumentException("no folders to merge");
    }
    List<PartFolder> parts = new ArrayList<>();
    for (Path d : partDirs) {
      parts.add(PartFolder.read(d));
    }
    PartFolder first = parts.get(0);
    List<PartFolder.Point> points = first.points();
    for (PartFolder p : parts.subList(1, parts.size())) {
      checkSame(first, p, points);
    }
    refuseOtherExperimentIn(out, first);

    Map<String, List<ResultRow>> rowsByPoint = new HashMap<>();
    Map<String, List<DistributionRow>> distByPoint = new HashMap<>();
    Map<String, Manifest.PointRecord> records = new LinkedHashMap<>();
    Map<String, PartFolder> holder = new HashMap<>();
    for (PartFolder part : parts) {
      Map<String, List<ResultRow>> rows = byPoint(part.rows(), ResultRow::point);
      Map<String, List<DistributionRow>> dist =
          byPoint(part.distributions(), DistributionRow::point);
      for (PartFolder.Point p : part.points()) {
        if (!p.done()) {
          continue;
        }
        PartFolder other = holder.putIfAbsent(p.id(), part);
        if (other != null) {
          throw new IllegalArgumentException(
              "point "
                  + p.id()
                  + " is in both "
                  + other.dir()
                  + " and "
                  + part.dir()
                  + "; merge each shard once");
        }
        List<ResultRow> r = rows.get(p.id());
        if (r == null || !r.get(0).fingerprint().equals(p.fingerprint())) {
          throw new IllegalArgumentException(
              part.dir()
                  + ": "
                  + Manifest.FILE
                  + " says point "
                  + p.id()
                  + " is done but "
                  + ResultsCsv.FILE
                  + (r == null ? " has no row of it" : " holds it with another fingerprint"));
        }
        rowsByPoint.put(p.id(), r);
        distByPoint.put(p.id(), dist.getOrDefault(p.id(), List.of()));
        records.put(p.id(), p.record());
      }
    }

    List<ResultRow> rows = new ArrayList<>();
    List<DistributionRow> dist = new ArrayList<>();
    List<FailuresCsv.Failure> missing = new ArrayList<>();
    List<Manifest.PointEntry> entries = new ArrayList<>();
    for (PartFolder.Point p : points) {
      entries.add(new Manifest.PointEntry(p.id(), p.seed(), p.fingerprint(), p.shard()));
      if (rowsByPoint.containsKey(p.id())) {
        rows.addAll(rowsByPoint.get(p.id()));
        dist.addAll(distByPoint.get(p.id()));
      } else {
        missing.add(new FailuresCsv.Failure(p.id(), p.shard(), whyMissing(p, parts)));
      }
    }
    rows = ReplicateIntervals.derive(rows);
    List<String> axes = axisColumns(first.experiment());

    Files.createDirectories(out);
    AtomicFiles.deleteLeftovers(out);
    AtomicFiles.writeString(out.resolve(ResultsCsv.FILE), ResultsCsv.format(rows, axes));
    AtomicFiles.writeString(
        out.resolve(DistributionsCsv.FILE), DistributionsCsv.format(dist, axes));
    Path failures = out.resolve(FailuresCsv.FILE);
    if (missing.isEmpty()) {
      Files.deleteIfExists(failures);
    } else {
      AtomicFiles.writeString(failures, FailuresCsv.format(missing));
    }
    List<String> from = new ArrayList<>();
    parts.forEach(p -> from.add(p.dir().toString()));
    Instant started = earliestStart(parts, clock.instant());
    Instant finished = clock.instant();
    Manifest.Header header =
        new Manifest.Header(
            first.build(),
            commandLine,
            first.threads(),
            first.experiment(),
            first.experimentFingerprint(),
            null,
            from);
    String status = missing.isEmpty() ? Manifest.COMPLETE : Manifest.INCOMPLETE;
    Manifest.write(
        out,
        header,
        entries,
        records,
        status,
        started,
        finished,
        (finished.toEpochMilli() - started.toEpochMilli()) / 1e3);
    if (figures && !rows.isEmpty()) {
      Figures.drawAll(rows, dist, out.resolve("figures"));
    }
    return new Summary(points.size(), records.size(), missing, out);
  }

  /** Refuses a part of another experiment or build, naming both folders and what differs. */
  private static void checkSame(
      PartFolder first, PartFolder p, List<PartFolder.Point> firstPoints) {
    if (!first.experimentFingerprint().equals(p.experimentFingerprint())) {
      throw new IllegalArgumentException(
          p.dir()
              + " comes from another experiment than "
              + first.dir()
              + " (experiment fingerprint "
              + p.experimentFingerprint()
              + " vs "
              + first.experimentFingerprint()
              + ": another file, other values, or --quick in one only); merge parts of one"
              + " experiment");
    }
    if (!first.sameBuild(p)) {
      throw new IllegalArgumentException(
          p.dir()
              + " was made by "
              + p.buildText()
              + " but "
              + first.dir()
              + " by "
              + first.buildText()
              + "; merge parts of one build (rerun the odd ones with it)");
    }
    List<PartFolder.Point> points = p.points();
    boolean samePoints = points.size() == firstPoints.size();
    for (int i = 0; samePoints && i < points.size(); i++) {
      PartFolder.Point a = points.get(i);
      PartFolder.Point b = firstPoints.get(i);
      samePoints = a.id().equals(b.id()) && a.shard() == b.shard();
    }
    if (!samePoints) {
      throw new IllegalArgumentException(
          p.dir()
              + " splits the sweep otherwise than "
              + first.dir()
              + " (other points or another shard count); merge shards of one split");
    }
  }

  /** A merge may overwrite an earlier merge of the same experiment, never another result. */
  private static void refuseOtherExperimentIn(Path out, PartFolder first) throws IOException {
    Path manifest = out.resolve(Manifest.FILE);
    if (!Files.isRegularFile(manifest)) {
      return;
    }
    Object fp = Json.readObject(manifest).get("experiment_fingerprint");
    if (!first.experimentFingerprint().equals(fp)) {
      throw new IllegalArgumentException(
          "--out "
              + out
              + " holds the result of another experiment (fingerprint "
              + fp
              + "); choose another --out");
    }
  }

  /** Why no part holds {@code p}: what the part of its shard says of itself. */
  private static String whyMissing(PartFolder.Point p, List<PartFolder> parts) {
    for (PartFolder part : parts) {
      if (part.shard() != null && part.shard().index() == p.shard()) {
        TaskExit exit = part.exit();
        if (exit != null && !exit.ok()) {
          return "task " + exit.job() + " ended: " + exit.reason();
        }
        return switch (part.status()) {
          case Manifest.RUNNING -> "shard still running, or killed without a record";
          case Manifest.INTERRUPTED -> "shard interrupted before this point";
          case Manifest.FAILED -> "shard failed before this point";
          default -> "shard " + part.status() + " without this point";
        };
      }
    }
    return p.shard() > 0 ? "no result folder of shard " + p.shard() : "not run";
  }

  private static Instant earliestStart(List<PartFolder> parts, Instant fallback) {
    Instant earliest = null;
    for (PartFolder p : parts) {
      try {
        Instant s = Instant.parse(p.started());
        if (earliest == null || s.isBefore(earliest)) {
          earliest = s;
        }
      } catch (DateTimeParseException e) {
        // a manifest without a time: say nothing of it
      }
    }
    return earliest == null ? fallback : earliest;
  }

  /** The sweep axes other than nodes, in the file's order: the runner's axis columns. */
  @SuppressWarnings("unchecked")
  static List<String> axisColumns(Map<String, Object> experiment) {
    List<String> axes = new ArrayList<>();
    Object sweep = experiment.get("sweep");
    if (sweep instanceof Map<?, ?> m) {
      for (Object k : ((Map<String, Object>) m).keySet()) {
        if (!k.equals(RunPoint.NODES)) {
          axes.add((String) k);
        }
      }
    }
    return axes;
  }

  /** Rows by the point they belong to, each point's in file order. */
  private static <R> Map<String, List<R>> byPoint(List<R> rows, Function<R, String> point) {
    Map<String, List<R>> m = new HashMap<>();
    rows.forEach(r -> m.computeIfAbsent(point.apply(r), k -> new ArrayList<>()).add(r));
    return m;
  }
}
