package org.xtsim.experiments.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.sweep.PointIdentity;

/**
 * {@code manifest.json}: xtsim version and git commit, the command line, the fully resolved
 * experiment, every point with its seed, fingerprint, wall time and event count, and totals.
 */
final class ManifestWriter {
  /** The file name. */
  static final String FILE = "manifest.json";

  /** Status while points run: the files hold the points done so far. */
  static final String RUNNING = "running";

  /** Status once every point is done. */
  static final String COMPLETE = "complete";

  /** Status after a point failed: the files hold the points done before it. */
  static final String FAILED = "failed";

  /**
   * Status after the process was stopped (SIGINT, SIGTERM): the files hold the points done when it
   * was; {@code --resume} runs the rest.
   */
  static final String INTERRUPTED = "interrupted";

  private ManifestWriter() {}

  /** The wall time and events of one point, and whether it came from an earlier run. */
  record PointRecord(double wallSeconds, long events, boolean resumed) {}

  static void write(
      Path dir,
      BuildInfo build,
      ExperimentSpec spec,
      RunOptions options,
      int threads,
      List<RunPoint> points,
      Map<String, PointRecord> records,
      String status,
      Instant started,
      Instant finished,
      double wallSeconds)
      throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("xtsim_version", build.version());
    m.put("git_commit", build.gitCommit());
    m.put("git_dirty", build.gitDirty());
    m.put("java_version", System.getProperty("java.version"));
    m.put("command", options.commandLine());
    m.put("status", status);
    m.put("started", started.toString());
    m.put("finished", finished.toString());
    m.put("wall_seconds", wallSeconds);
    m.put("threads", threads);
    long events = 0;
    double pointWall = 0;
    List<Object> list = new ArrayList<>();
    for (RunPoint p : points) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", p.id());
      e.put("seed", p.seed());
      e.put("fingerprint", PointIdentity.fingerprint(p));
      PointRecord r = records.get(p.id());
      e.put("done", r != null);
      if (r != null) {
        e.put("resumed", r.resumed());
        e.put("wall_seconds", r.wallSeconds());
        e.put("events", r.events());
        events += r.events();
        pointWall += r.wallSeconds();
      }
      list.add(e);
    }
    m.put("points_total", points.size());
    m.put("points_done", records.size());
    m.put("events_total", events);
    m.put("point_wall_seconds_total", pointWall);
    m.put("experiment", spec.toMap());
    m.put("points", list);
    AtomicFiles.writeString(dir.resolve(FILE), Json.write(m));
  }
}
