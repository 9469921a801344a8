package org.xtsim.experiments.shard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;

/**
 * What a point is expected to cost in wall seconds before it runs, fitted from recorded runs (the
 * committed reference results): the shard planner balances by it and {@code xtsim submit} sizes a
 * task's time limit by it.
 *
 * <p>The model has three parts, each fitted on its own:
 *
 * <ul>
 *   <li>the engine's cost per committed event ({@code seconds_per_event}): the slope of wall time
 *       against events over every recorded point (least squares, commons-math3), a property of the
 *       machine that ran them;
 *   <li>each workload's events per simulated node: the slope of events against the node count
 *       through the origin, a property of the model (how many events a rank's program makes); the
 *       largest points weigh most, so small points are overestimated (a collective's events grow
 *       with log2(nodes) too), which errs on the side of longer time limits;
 *   <li>each workload's fixed seconds per point: the median of what a point took beyond its events
 *       (calibrating the node model, building the machine), but at least the cheapest recorded
 *       point of the workload, so that no point is free and the planner spreads small points too.
 * </ul>
 *
 * A workload that was never recorded is charged the largest of each part over those that were. The
 * events of one workload also depend on its parameters (iterations, sizes) and grow a little faster
 * than the node count (collectives take log2(nodes) steps); the fit pools every recorded study, so
 * it is a rough guide: time limits add a wide margin on top.
 */
public final class PointCosts {
  /** The committed table, next to this class. */
  static final String RESOURCE = "point-costs.tsv";

  /** The resolution of the wall times results.csv records, and so the least a point costs. */
  static final double RESOLUTION_SECONDS = 0.001;

  /** How a workload's points cost. */
  record WorkloadCost(double fixedSeconds, double eventsPerNode) {
    double seconds(int nodes, double secondsPerEvent) {
      return fixedSeconds + eventsPerNode * nodes * secondsPerEvent;
    }
  }

  /** One recorded point. */
  public record Observation(String workload, int nodes, long events, double wallSeconds) {}

  private final double secondsPerEvent;
  private final Map<String, WorkloadCost> workloads;
  private final WorkloadCost unknown;

  PointCosts(double secondsPerEvent, Map<String, WorkloadCost> workloads) {
    this.secondsPerEvent = secondsPerEvent;
    this.workloads = new TreeMap<>(workloads);
    double fixed = 0;
    double perNode = 0;
    for (WorkloadCost w : workloads.values()) {
      fixed = Math.max(fixed, w.fixedSeconds());
      perNode = Math.max(perNode, w.eventsPerNode());
    }
    this.unknown = new WorkloadCost(fixed, perNode);
  }

  /** The committed table. */
  public static PointCosts recorded() {
    try (InputStream in = PointCosts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The expected wall seconds of {@code point}. */
  public double seconds(RunPoint point) {
    return seconds(point.workload(), point.nodes());
  }

  /** The expected wall seconds of a point of {@code workload} on {@code nodes} nodes. */
  public double seconds(String workload, int nodes) {
    return workloads.getOrDefault(workload, unknown).seconds(nodes, secondsPerEvent);
  }

  /** The engine's fitted cost of one event, in seconds. */
  public double secondsPerEvent() {
    return secondsPerEvent;
  }

  /** Fits the model to recorded points. */
  public static PointCosts fit(List<Observation> observations) {
    if (observations.isEmpty()) {
      throw new IllegalArgumentException("no recorded points to fit");
    }
    SimpleRegression engine = new SimpleRegression(true);
    Map<String, SimpleRegression> events = new TreeMap<>();
    Map<String, List<Observation>> byWorkload = new TreeMap<>();
    for (Observation o : observations) {
      engine.addData(o.events(), o.wallSeconds());
      events
          .computeIfAbsent(o.workload(), w -> new SimpleRegression(true))
          .addData(o.nodes(), o.events());
      byWorkload.computeIfAbsent(o.workload(), w -> new ArrayList<>()).add(o);
    }
    double perEvent = engine.getSlope();
    if (!(perEvent > 0)) {
      throw new IllegalArgumentException(
          "recorded points do not show a cost per event (slope " + perEvent + ")");
    }
    Map<String, WorkloadCost> costs = new LinkedHashMap<>();
    for (Map.Entry<String, List<Observation>> e : byWorkload.entrySet()) {
      double fitted = events.get(e.getKey()).getSlope();
      double slope =
          Double.isNaN(fitted)
              ? new Median()
                  .evaluate(
                      e.getValue().stream()
                          .mapToDouble(o -> (double) o.events() / Math.max(1, o.nodes()))
                          .toArray())
              : Math.max(0, fitted);
      double[] beyond =
          e.getValue().stream().mapToDouble(o -> o.wallSeconds() - o.events() * perEvent).toArray();
      double least = e.getValue().stream().mapToDouble(Observation::wallSeconds).min().orElse(0);
      double fixed = Math.max(RESOLUTION_SECONDS, Math.max(least, new Median().evaluate(beyond)));
      costs.put(e.getKey(), new WorkloadCost(fixed, slope));
    }
    return new PointCosts(perEvent, costs);
  }

  /** The points of a {@code results.csv}, one per point (the file has a row per metric). */
  public static List<Observation> observations(Path resultsCsv) throws IOException {
    Map<String, Observation> byPoint = new LinkedHashMap<>();
    for (ResultRow r : ResultsCsv.read(resultsCsv)) {
      byPoint.putIfAbsent(
          r.point(), new Observation(r.workload(), r.nodes(), r.events(), r.wallSeconds()));
    }
    return new ArrayList<>(byPoint.values());
  }

  /** The table as the resource holds it, after {@code comment} lines. */
  public String format(List<String> comment) {
    StringBuilder sb = new StringBuilder();
    comment.forEach(c -> sb.append("# ").append(c).append('\n'));
    sb.append(String.format(Locale.ROOT, "seconds_per_event\t%.6g%n", secondsPerEvent));
    sb.append("workload\tfixed_seconds\tevents_per_node\n");
    workloads.forEach(
        (w, c) ->
            sb.append(
                String.format(
                    Locale.ROOT, "%s\t%.6g\t%.6g%n", w, c.fixedSeconds(), c.eventsPerNode())));
    return sb.toString();
  }

  /** Reads what {@link #format} wrote. */
  static PointCosts parse(String text) {
    double perEvent = Double.NaN;
    Map<String, WorkloadCost> costs = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("workload\t")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f[0].equals("seconds_per_event")) {
        perEvent = Double.parseDouble(f[1]);
      } else {
        costs.put(f[0], new WorkloadCost(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
      }
    }
    if (Double.isNaN(perEvent) || costs.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": no seconds_per_event or no workload");
    }
    return new PointCosts(perEvent, costs);
  }

  /**
   * Fits the table to the {@code results.csv} files named and prints it: {@code
   * scripts/fit-point-costs.sh} writes the committed resource with it.
   */
  public static void main(String[] args) throws IOException {
    List<Observation> all = new ArrayList<>();
    for (String a : args) {
      all.addAll(observations(Path.of(a)));
    }
    List<String> comment = new ArrayList<>();
    comment.add("Expected wall seconds of a point, fitted by scripts/fit-point-costs.sh from:");
    for (String a : args) {
      comment.add("  " + a);
    }
    comment.add("See org.xtsim.experiments.shard.PointCosts for the model.");
    System.out.print(fit(all).format(comment));
  }

  /** Whether two tables are the same to the precision they are written with. */
  boolean sameAs(PointCosts other) {
    return format(List.of()).equals(other.format(List.of()));
  }
}
