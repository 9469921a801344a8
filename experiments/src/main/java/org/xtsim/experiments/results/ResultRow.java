package org.xtsim.experiments.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xtsim.experiments.Metric;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.sweep.PointIdentity;

/**
 * One row of {@code results.csv}: one metric of one point.
 *
 * @param point the point's id
 * @param fingerprint hash of the point's resolved inputs (see {@link PointIdentity#fingerprint})
 * @param workload workload name
 * @param config configuration label
 * @param baseline label of the configuration the overhead is against, or "" when none
 * @param nodes node count
 * @param guest guest OS
 * @param vmm virtualization mode
 * @param largePages "true" or "false"
 * @param preemption preemption policy
 * @param nic NIC mode
 * @param replicate replicate index
 * @param seed the point's seed
 * @param axes values of the sweep axes other than nodes, by axis name, as text
 * @param metric metric name
 * @param value metric value
 * @param unit metric unit
 * @param better which direction of the metric is better
 * @param overheadPct overhead against the baseline in percent, NaN when there is none
 * @param wallSeconds wall time of the point
 * @param events committed simulation events of the point
 * @param valueCi95 the 95 % t interval of the mean value over the replicates of this row's
 *     configuration, workload, nodes, metric and sweep values ({@link Interval#NONE} until computed
 *     or with one replicate)
 * @param overheadCi95 the same of the overhead, each replicate against its own baseline run
 */
public record ResultRow(
    String point,
    String fingerprint,
    String workload,
    String config,
    String baseline,
    int nodes,
    String guest,
    String vmm,
    String largePages,
    String preemption,
    String nic,
    int replicate,
    long seed,
    Map<String, String> axes,
    String metric,
    double value,
    String unit,
    Metric.Better better,
    double overheadPct,
    double wallSeconds,
    long events,
    Interval valueCi95,
    Interval overheadCi95) {

  /** A confidence interval; both ends NaN when there is none. */
  public record Interval(double low, double high) {
    /** No interval. */
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    /** The interval of a mean, or {@link #NONE} for one replicate. */
    public static Interval of(MeanInterval m) {
      return m.n() < 2 ? NONE : new Interval(m.low(), m.high());
    }
  }

  /** Copies the axes. */
  public ResultRow {
    axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
  }

  /** A row whose intervals are not computed yet. */
  public ResultRow(
      String point,
      String fingerprint,
      String workload,
      String config,
      String baseline,
      int nodes,
      String guest,
      String vmm,
      String largePages,
      String preemption,
      String nic,
      int replicate,
      long seed,
      Map<String, String> axes,
      String metric,
      double value,
      String unit,
      Metric.Better better,
      double overheadPct,
      double wallSeconds,
      long events) {
    this(
        point,
        fingerprint,
        workload,
        config,
        baseline,
        nodes,
        guest,
        vmm,
        largePages,
        preemption,
        nic,
        replicate,
        seed,
        axes,
        metric,
        value,
        unit,
        better,
        overheadPct,
        wallSeconds,
        events,
        Interval.NONE,
        Interval.NONE);
  }

  /** The rows of one finished point, overheads still unknown (NaN). */
  public static java.util.List<ResultRow> of(
      RunPoint p, String baseline, PointResult result, double wallSeconds) {
    Map<String, String> axes = axesOf(p);
    String fingerprint = PointIdentity.fingerprint(p);
    java.util.List<ResultRow> rows = new java.util.ArrayList<>();
    for (Metric m : result.metrics()) {
      rows.add(
          new ResultRow(
              p.id(),
              fingerprint,
              p.workload(),
              p.configuration(),
              baseline == null ? "" : baseline,
              p.nodes(),
              String.valueOf(p.guest()),
              String.valueOf(p.vmm()),
              Boolean.toString(p.largePages()),
              String.valueOf(p.preemption()),
              String.valueOf(p.nic()),
              p.replicate(),
              p.seed(),
              axes,
              m.name(),
              m.value(),
              m.unit(),
              m.better(),
              Double.NaN,
              wallSeconds,
              result.events()));
    }
    return rows;
  }

  /** The point's sweep-axis values other than nodes, as text. */
  static Map<String, String> axesOf(RunPoint p) {
    Map<String, String> axes = new LinkedHashMap<>();
    p.swept()
        .forEach(
            (k, v) -> {
              if (!k.equals(RunPoint.NODES)) {
                axes.put(k, PointIdentity.text(v));
              }
            });
    return axes;
  }

  /** This row with another overhead. */
  public ResultRow withOverhead(double pct) {
    return new ResultRow(
        point,
        fingerprint,
        workload,
        config,
        baseline,
        nodes,
        guest,
        vmm,
        largePages,
        preemption,
        nic,
        replicate,
        seed,
        axes,
        metric,
        value,
        unit,
        better,
        pct,
        wallSeconds,
        events,
        valueCi95,
        overheadCi95);
  }

  /** This row with other intervals. */
  public ResultRow withIntervals(Interval value, Interval overhead) {
    return new ResultRow(
        point,
        fingerprint,
        workload,
        config,
        baseline,
        nodes,
        guest,
        vmm,
        largePages,
        preemption,
        nic,
        replicate,
        seed,
        axes,
        metric,
        this.value,
        unit,
        better,
        overheadPct,
        wallSeconds,
        events,
        value,
        overhead);
  }

  /**
   * What must be equal for two rows to be compared: workload, nodes, replicate, metric and every
   * sweep-axis value; the configuration is what differs.
   */
  String comparisonKey() {
    return workload + '\u0000' + nodes + '\u0000' + replicate + '\u0000' + metric + '\u0000' + axes;
  }

  /** What the replicates of one measurement share: all but the replicate (and seed). */
  String replicateGroup() {
    return config + '\u0000' + workload + '\u0000' + nodes + '\u0000' + metric + '\u0000' + axes;
  }
}
