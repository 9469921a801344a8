package org.xtsim.experiments.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.xtsim.experiments.figures.LogLogPanels;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.run.BuildInfo;

/**
 * The scale benchmark's files: {@code <name>.csv} (one row per node count), {@code <name>.json}
 * (what produced them: version, commit, JVM, settings, and the fitted growth exponents) and {@code
 * <name>.png}/{@code .svg} (log-log panels of wall time, events, events per second and peak heap
 * against node count). Each file is written atomically.
 */
public final class ScaleReport {
  /** The CSV header. */
  public static final String HEADER =
      "workload,nodes,topology,threads,seed,wall_seconds,build_seconds,events,events_per_second,"
          + "windows,barrier_wait_seconds,peak_heap_mib,retained_bytes_per_node,simulated_seconds";

  private static final double MIB = 1024.0 * 1024.0;

  private ScaleReport() {}

  /** Fitted growth of wall time, events and peak heap with node count, by quantity name. */
  public static Map<String, GrowthFit> growth(List<ScalePoint> points) {
    Map<String, GrowthFit> fits = new LinkedHashMap<>();
    fits.put("wall_seconds", fit(points, ScalePoint::wallSeconds));
    fits.put("events", fit(points, p -> p.events()));
    fits.put("peak_heap_bytes", fit(points, p -> p.peakHeapBytes()));
    fits.put("retained_bytes", fit(points, p -> p.retainedBytesPerNode() * p.nodes()));
    return fits;
  }

  private static GrowthFit fit(List<ScalePoint> points, ToDoubleFunction<ScalePoint> y) {
    double[] ns = new double[points.size()];
    double[] ys = new double[points.size()];
    for (int i = 0; i < ns.length; i++) {
      ns[i] = points.get(i).nodes();
      ys[i] = Math.max(y.applyAsDouble(points.get(i)), Double.MIN_NORMAL);
    }
    return GrowthFit.fit(ns, ys);
  }

  /** The CSV text. */
  public static String csv(String workload, long seed, List<ScalePoint> points) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (ScalePoint p : points) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%s,%d,%d,%.3f,%.3f,%d,%.0f,%d,%.3f,%.1f,%.0f,%.9g%n",
              workload,
              p.nodes(),
              p.topology(),
              p.threads(),
              seed,
              p.wallSeconds(),
              p.buildSeconds(),
              p.events(),
              p.eventsPerSecond(),
              p.windows(),
              p.barrierWaitSeconds(),
              p.peakHeapBytes() / MIB,
              p.retainedBytesPerNode(),
              p.simulatedSeconds()));
    }
    return sb.toString();
  }

  /**
   * Writes the CSV, the JSON record and the figure into {@code dir}; returns the paths written.
   *
   * @param settings what the runs were given (workload, params, configuration, machine, threads,
   *     seed), recorded as is
   */
  public static List<Path> write(
      Path dir, String name, Map<String, Object> settings, List<ScalePoint> points)
      throws IOException {
    String workload = String.valueOf(settings.get("workload"));
    long seed = ((Number) settings.get("seed")).longValue();
    List<Path> written = new ArrayList<>();
    Path csv = dir.resolve(name + ".csv");
    AtomicFiles.writeString(csv, csv(workload, seed, points));
    written.add(csv);
    Path json = dir.resolve(name + ".json");
    AtomicFiles.writeString(json, Json.write(record(settings, points)));
    written.add(json);
    written.addAll(figure(dir, name, workload, points));
    return written;
  }

  /**
   * The points of a CSV this class wrote, for redrawing its figure.
   *
   * @throws IllegalArgumentException if the file is not such a CSV
   */
  public static List<ScalePoint> read(Path csv) throws IOException {
    List<String> lines = java.nio.file.Files.readAllLines(csv);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException(csv + ": not a scale benchmark CSV (header differs)");
    }
    List<ScalePoint> points = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      points.add(
          new ScalePoint(
              Integer.parseInt(f[1]),
              f[2],
              Integer.parseInt(f[3]),
              Double.parseDouble(f[5]),
              Double.parseDouble(f[6]),
              Long.parseLong(f[7]),
              Long.parseLong(f[9]),
              Math.round(Double.parseDouble(f[11]) * MIB),
              Double.parseDouble(f[12]),
              Double.parseDouble(f[13]),
              Double.parseDouble(f[10]),
              Double.NaN, // not in the CSV
              Double.NaN));
    }
    return points;
  }

  /** Draws the figure of {@code points} into {@code dir}; returns the paths written. */
  public static List<Path> figure(Path dir, String name, String workload, List<ScalePoint> points)
      throws IOException {
    return points.size() >= 2 ? drawFigure(dir, name, workload, points) : List.of();
  }

  /**
   * What every benchmark record of the simulator starts with: which benchmark, the xtsim version
   * and commit, the JVM, the processors and heap it had, and the settings as given.
   */
  static Map<String, Object> recordHeader(String benchmark, Map<String, Object> settings) {
    BuildInfo build = BuildInfo.read();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmark", benchmark);
    m.put("xtsim_version", build.version());
    m.put("git_commit", build.gitCommit());
    m.put("git_dirty", build.gitDirty());
    m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    m.put("available_processors", Runtime.getRuntime().availableProcessors());
    m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    m.put("settings", settings);
    return m;
  }

  private static Map<String, Object> record(Map<String, Object> settings, List<ScalePoint> points) {
    Map<String, Object> m = recordHeader("xtsim bench scale", settings);
    Map<String, Object> exponents = new LinkedHashMap<>();
    growth(points).forEach((k, v) -> exponents.put(k, v.exponent()));
    m.put("growth_exponents", exponents);
    List<Object> rows = new ArrayList<>();
    for (ScalePoint p : points) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("nodes", p.nodes());
      r.put("topology", p.topology());
      r.put("threads", p.threads());
      r.put("wall_seconds", p.wallSeconds());
      r.put("build_seconds", p.buildSeconds());
      r.put("events", p.events());
      r.put("events_per_second", p.eventsPerSecond());
      r.put("windows", p.windows());
      r.put("barrier_wait_seconds", p.barrierWaitSeconds());
      r.put("barrier_help_seconds", p.barrierHelpSeconds());
      r.put("event_imbalance", p.eventImbalance());
      r.put("peak_heap_bytes", p.peakHeapBytes());
      r.put("retained_bytes_per_node", p.retainedBytesPerNode());
      r.put("simulated_seconds", p.simulatedSeconds());
      rows.add(r);
    }
    m.put("points", rows);
    return m;
  }

  private static List<Path> drawFigure(
      Path dir, String name, String workload, List<ScalePoint> points) throws IOException {
    int n = points.size();
    double[] xs = new double[n];
    double[] wall = new double[n];
    double[] events = new double[n];
    double[] rate = new double[n];
    double[] heap = new double[n];
    for (int i = 0; i < n; i++) {
      ScalePoint p = points.get(i);
      xs[i] = p.nodes();
      wall[i] = Math.max(p.wallSeconds(), 1e-3);
      events[i] = Math.max(p.events(), 1);
      rate[i] = Math.max(p.eventsPerSecond() / 1e6, 1e-6);
      heap[i] = Math.max(p.peakHeapBytes() / MIB, 1e-3);
    }
    Map<String, GrowthFit> g = growth(points);
    String title =
        String.format(
            Locale.ROOT,
            "%s at scale, %d thread%s: wall time ~ n^%.2f, events ~ n^%.2f",
            workload,
            points.get(0).threads(),
            points.get(0).threads() == 1 ? "" : "s",
            g.get("wall_seconds").exponent(),
            g.get("events").exponent());
    return LogLogPanels.write(
        dir,
        name,
        title,
        "simulated nodes",
        xs,
        List.of(
            new LogLogPanels.Panel("wall time (s)", wall),
            new LogLogPanels.Panel("events", events),
            new LogLogPanels.Panel("M events / s", rate),
            new LogLogPanels.Panel("peak heap (MiB)", heap)));
  }
}
