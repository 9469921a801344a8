package org.xtsim.experiments.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xtsim.experiments.figures.LogLogPanels;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.Json;

/**
 * The thread-scaling benchmark's files: {@code <name>.csv} (one row per thread count), {@code
 * <name>.json} (what produced them, every run in the order it ran, warm-up runs included) and
 * {@code <name>.png}/{@code .svg} (wall time, speed-up and parallel efficiency against threads).
 * Each file is written atomically.
 */
public final class ThreadScalingReport {
  /** The CSV header. */
  public static final String HEADER =
      "workload,nodes,topology,threads,runs,median_wall_seconds,min_wall_seconds,"
          + "max_wall_seconds,speedup,efficiency,median_barrier_idle_seconds,"
          + "median_barrier_help_seconds,event_imbalance,windows,events,"
          + "simulated_seconds";

  private ThreadScalingReport() {}

  /** The CSV text; {@code reference} is any run (they all computed the same result). */
  public static String csv(String workload, ScalePoint reference, List<ThreadScaling.Row> rows) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (ThreadScaling.Row r : rows) {
      sb.append(
              String.format(
                  Locale.ROOT, "%s,%d,%s,", workload, reference.nodes(), reference.topology()))
          .append(
              String.format(
                  Locale.ROOT, "%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%d", r.values()))
          .append(
              String.format(
                  Locale.ROOT, ",%d,%.9g%n", reference.events(), reference.simulatedSeconds()));
    }
    return sb.toString();
  }

  /**
   * Writes the CSV, the JSON record and the figure into {@code dir}; returns the paths written.
   *
   * @param settings what the runs were given, recorded as is (must hold "workload")
   * @param warmup the untimed runs, in the order they ran
   * @param timed the timed runs, in the order they ran
   */
  public static List<Path> write(
      Path dir,
      String name,
      Map<String, Object> settings,
      List<ScalePoint> warmup,
      List<ScalePoint> timed)
      throws IOException {
    String workload = String.valueOf(settings.get("workload"));
    List<ThreadScaling.Row> rows = ThreadScaling.summarise(timed);
    ScalePoint reference = timed.get(0);
    List<Path> written = new ArrayList<>();
    Path csv = dir.resolve(name + ".csv");
    AtomicFiles.writeString(csv, csv(workload, reference, rows));
    written.add(csv);
    Map<String, Object> m = ScaleReport.recordHeader("xtsim bench threads", settings);
    m.put("nodes", reference.nodes());
    m.put("topology", reference.topology());
    m.put("events", reference.events());
    m.put("simulated_seconds", reference.simulatedSeconds());
    List<Object> summary = new ArrayList<>();
    for (ThreadScaling.Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("threads", r.threads());
      row.put("runs", r.runs());
      row.put("median_wall_seconds", r.medianWallSeconds());
      row.put("min_wall_seconds", r.minWallSeconds());
      row.put("max_wall_seconds", r.maxWallSeconds());
      row.put("speedup", r.speedup());
      row.put("efficiency", r.efficiency());
      row.put("median_barrier_idle_seconds", r.medianBarrierIdleSeconds());
      row.put("median_barrier_help_seconds", r.medianBarrierHelpSeconds());
      row.put("event_imbalance", r.eventImbalance());
      row.put("windows", r.windows());
      summary.add(row);
    }
    m.put("summary", summary);
    m.put("warmup_runs", runs(warmup));
    m.put("timed_runs", runs(timed));
    Path json = dir.resolve(name + ".json");
    AtomicFiles.writeString(json, Json.write(m));
    written.add(json);
    if (rows.size() >= 2) {
      written.addAll(figure(dir, name, workload, reference, rows));
    }
    return written;
  }

  private static List<Object> runs(List<ScalePoint> points) {
    List<Object> out = new ArrayList<>();
    for (ScalePoint p : points) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("threads", p.threads());
      r.put("wall_seconds", p.wallSeconds());
      r.put("build_seconds", p.buildSeconds());
      r.put("barrier_wait_seconds", p.barrierWaitSeconds());
      r.put("barrier_help_seconds", p.barrierHelpSeconds());
      r.put("event_imbalance", p.eventImbalance());
      r.put("peak_heap_bytes", p.peakHeapBytes());
      out.add(r);
    }
    return out;
  }

  private static List<Path> figure(
      Path dir, String name, String workload, ScalePoint reference, List<ThreadScaling.Row> rows)
      throws IOException {
    int n = rows.size();
    double[] xs = new double[n];
    double[] wall = new double[n];
    double[] speedup = new double[n];
    double[] efficiency = new double[n];
    for (int i = 0; i < n; i++) {
      ThreadScaling.Row r = rows.get(i);
      xs[i] = r.threads();
      wall[i] = Math.max(r.medianWallSeconds(), 1e-3);
      speedup[i] = Math.max(r.speedup(), 1e-3);
      efficiency[i] = Math.max(r.efficiency(), 1e-3);
    }
    String title =
        String.format(
            Locale.ROOT,
            "%s, %,d nodes: speed-up %.2f with %d threads (%d processors)",
            workload,
            reference.nodes(),
            rows.get(n - 1).speedup(),
            rows.get(n - 1).threads(),
            Runtime.getRuntime().availableProcessors());
    return LogLogPanels.write(
        dir,
        name,
        title,
        "engine threads",
        2,
        xs,
        List.of(
            new LogLogPanels.Panel("median wall time (s)", wall),
            new LogLogPanels.Panel("speed-up", speedup),
            new LogLogPanels.Panel("parallel efficiency", efficiency)));
  }
}
