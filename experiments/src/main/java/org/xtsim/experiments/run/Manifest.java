package org.xtsim.experiments.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.shard.Shard;

/**
 * {@code manifest.json}: xtsim version and git commit, the command line, the fully resolved
 * experiment and its fingerprint, every point with its seed, fingerprint, wall time and event
 * count, and totals. A shard's manifest also names the shard and, for every point of the sweep, the
 * shard that runs it; a merged result's names the folders it was merged from.
 */
public final class Manifest {
  /** The file name. */
  public static final String FILE = "manifest.json";

  /** Status while points run: the files hold the points done so far. */
  public static final String RUNNING = "running";

  /** Status once every point is done. */
  public static final String COMPLETE = "complete";

  /** Status after a point failed: the files hold the points done before it. */
  public static final String FAILED = "failed";

  /**
   * Status after the process was stopped (SIGINT, SIGTERM): the files hold the points done when it
   * was; {@code --resume} runs the rest.
   */
  public static final String INTERRUPTED = "interrupted";

  /** Status of a merged result that lacks points (failures.csv says which and why). */
  public static final String INCOMPLETE = "incomplete";

  private Manifest() {}

  /** The wall time and events of one point, and whether it came from an earlier run. */
  public record PointRecord(double wallSeconds, long events, boolean resumed) {}

  /**
   * A point of the sweep as the manifest lists it.
   *
   * @param shard the shard that runs it, or 0 when the sweep is not split
   */
  public record PointEntry(String id, long seed, String fingerprint, int shard) {}

  /**
   * What the manifest says of the run as a whole.
   *
   * @param build the build that made the results
   * @param command the command line
   * @param threads threads per simulation
   * @param experiment the resolved experiment ({@code ExperimentSpec.toMap()})
   * @param experimentFingerprint {@link ExperimentFingerprint} of the experiment
   * @param shard the shard this run is, or null for a whole run
   * @param mergedFrom the folders merged into this result, or empty
   */
  public record Header(
      BuildInfo build,
      List<String> command,
      int threads,
      Map<String, Object> experiment,
      String experimentFingerprint,
      Shard shard,
      List<String> mergedFrom) {
    /** Copies the lists. */
    public Header {
      command = List.copyOf(command);
      mergedFrom = List.copyOf(mergedFrom);
    }
  }

  /** Writes {@code dir/manifest.json} atomically. */
  public static void write(
      Path dir,
      Header header,
      List<PointEntry> points,
      Map<String, PointRecord> records,
      String status,
      Instant started,
      Instant finished,
      double wallSeconds)
      throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("xtsim_version", header.build().version());
    m.put("git_commit", header.build().gitCommit());
    m.put("git_dirty", header.build().gitDirty());
    m.put("java_version", System.getProperty("java.version"));
    m.put("command", header.command());
    m.put("status", status);
    m.put("started", started.toString());
    m.put("finished", finished.toString());
    m.put("wall_seconds", wallSeconds);
    m.put("threads", header.threads());
    if (header.shard() != null) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("index", header.shard().index());
      s.put("count", header.shard().count());
      m.put("shard", s);
    }
    if (!header.mergedFrom().isEmpty()) {
      m.put("merged_from", header.mergedFrom());
    }
    long events = 0;
    double pointWall = 0;
    int done = 0;
    List<Object> list = new ArrayList<>();
    for (PointEntry p : points) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", p.id());
      e.put("seed", p.seed());
      e.put("fingerprint", p.fingerprint());
      if (p.shard() > 0) {
        e.put("shard", p.shard());
      }
      PointRecord r = records.get(p.id());
      e.put("done", r != null);
      if (r != null) {
        done++;
        e.put("resumed", r.resumed());
        e.put("wall_seconds", r.wallSeconds());
        e.put("events", r.events());
        events += r.events();
        pointWall += r.wallSeconds();
      }
      list.add(e);
    }
    m.put("points_total", points.size());
    m.put("points_done", done);
    m.put("events_total", events);
    m.put("point_wall_seconds_total", pointWall);
    m.put("experiment_fingerprint", header.experimentFingerprint());
    m.put("experiment", header.experiment());
    m.put("points", list);
    AtomicFiles.writeString(dir.resolve(FILE), Json.write(m));
  }
}
