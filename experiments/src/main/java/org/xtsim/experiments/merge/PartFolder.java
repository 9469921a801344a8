package org.xtsim.experiments.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.DistributionsCsv;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;
import org.xtsim.experiments.run.BuildInfo;
import org.xtsim.experiments.run.Manifest;
import org.xtsim.experiments.shard.Shard;

/**
 * A result folder read back whole: a shard's partial result (or a whole run's), with its manifest,
 * rows and, when a cluster task made it, how the task ended.
 *
 * @param dir the folder
 * @param manifest {@code manifest.json} as maps and lists
 * @param rows {@code results.csv}
 * @param distributions {@code distributions.csv}
 * @param exit how the task ended, or null when no task recorded it
 */
public record PartFolder(
    Path dir,
    Map<String, Object> manifest,
    List<ResultRow> rows,
    List<DistributionRow> distributions,
    TaskExit exit) {

  /** A point as a manifest lists it. */
  public record Point(
      String id, long seed, String fingerprint, int shard, Manifest.PointRecord record) {
    /** Whether the folder holds the point's results. */
    public boolean done() {
      return record != null;
    }
  }

  /**
   * Reads {@code dir} whole: manifest, task record and rows.
   *
   * @throws IllegalArgumentException when it is not a result folder (the message names it)
   * @throws IOException when a file cannot be read
   */
  public static PartFolder read(Path dir) throws IOException {
    PartFolder described = readManifest(dir);
    Path csv = dir.resolve(ResultsCsv.FILE);
    List<ResultRow> rows = Files.isRegularFile(csv) ? ResultsCsv.read(csv) : List.of();
    List<DistributionRow> dist = DistributionsCsv.read(dir.resolve(DistributionsCsv.FILE));
    return new PartFolder(dir, described.manifest(), rows, dist, described.exit());
  }

  /**
   * Reads what {@code dir}'s manifest and task record say, without its rows: enough to tell which
   * points it holds (status, resume).
   *
   * @throws IllegalArgumentException when it is not a result folder (the message names it)
   * @throws IOException when a file cannot be read
   */
  public static PartFolder readManifest(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such folder");
    }
    Path manifest = dir.resolve(Manifest.FILE);
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException(
          dir + ": no " + Manifest.FILE + " (not a result folder of xtsim run)");
    }
    Map<String, Object> m = Json.readObject(manifest);
    for (String key : List.of("experiment_fingerprint", "experiment", "points", "status")) {
      if (!m.containsKey(key)) {
        throw new IllegalArgumentException(
            manifest + ": no '" + key + "' (written by an xtsim older than 'xtsim merge'?)");
      }
    }
    return new PartFolder(dir, m, List.of(), List.of(), TaskExit.read(dir));
  }

  /** The fingerprint of the experiment the folder's points come from. */
  public String experimentFingerprint() {
    return String.valueOf(manifest.get("experiment_fingerprint"));
  }

  /** The resolved experiment. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> experiment() {
    return (Map<String, Object>) manifest.get("experiment");
  }

  /** The build that made the folder. */
  public BuildInfo build() {
    Object dirty = manifest.get("git_dirty");
    return new BuildInfo(
        String.valueOf(manifest.get("xtsim_version")),
        (String) manifest.get("git_commit"),
        dirty instanceof Boolean b ? b : null);
  }

  /** The build in words, for messages: {@code 0.1.0 at 1a2b3c4d (uncommitted changes)}. */
  public String buildText() {
    BuildInfo b = build();
    String commit = b.gitCommit() == null ? "an unknown commit" : abbreviated(b.gitCommit());
    String dirty =
        b.gitDirty() == null
            ? ""
            : Boolean.TRUE.equals(b.gitDirty()) ? " with uncommitted changes" : "";
    return "xtsim " + b.version() + " at " + commit + dirty;
  }

  private static String abbreviated(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  /** Whether {@code other} was made by the same build (version, commit and dirty flag). */
  public boolean sameBuild(PartFolder other) {
    return build().equals(other.build());
  }

  /** The manifest's status ({@code running}, {@code complete}, ...). */
  public String status() {
    return String.valueOf(manifest.get("status"));
  }

  /** The shard the folder holds, or null for a whole run (or a merge). */
  @SuppressWarnings("unchecked")
  public Shard shard() {
    Object s = manifest.get("shard");
    if (!(s instanceof Map<?, ?>)) {
      return null;
    }
    Map<String, Object> shard = (Map<String, Object>) s;
    return new Shard(
        ((Number) shard.get("index")).intValue(), ((Number) shard.get("count")).intValue());
  }

  /** Threads per simulation the folder's run used. */
  public int threads() {
    Object t = manifest.get("threads");
    return t instanceof Number n ? n.intValue() : 0;
  }

  /** Every point of the sweep, in sweep order, with the folder's record of those it holds. */
  @SuppressWarnings("unchecked")
  public List<Point> points() {
    List<Point> points = new ArrayList<>();
    for (Object o : (List<Object>) manifest.get("points")) {
      Map<String, Object> e = (Map<String, Object>) o;
      Manifest.PointRecord record = null;
      if (Boolean.TRUE.equals(e.get("done"))) {
        record =
            new Manifest.PointRecord(
                ((Number) e.get("wall_seconds")).doubleValue(),
                ((Number) e.get("events")).longValue(),
                Boolean.TRUE.equals(e.get("resumed")));
      }
      Object shard = e.get("shard");
      points.add(
          new Point(
              (String) e.get("id"),
              ((Number) e.get("seed")).longValue(),
              (String) e.get("fingerprint"),
              shard instanceof Number n ? n.intValue() : 0,
              record));
    }
    return points;
  }

  /** The manifest's {@code started} time, as written. */
  public String started() {
    return Objects.toString(manifest.get("started"), "");
  }

  /** The manifest's {@code finished} time, as written. */
  public String finished() {
    return Objects.toString(manifest.get("finished"), "");
  }
}
