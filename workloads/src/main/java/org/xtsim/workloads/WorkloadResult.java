package org.xtsim.workloads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.xtsim.engine.RunStatistics;

/**
 * What a workload run produced: metrics (figure of merit first), distributions recorded in
 * HdrHistograms (values in the unit their name says), and the engine's statistics.
 */
public final class WorkloadResult {
  /** A named distribution of integer values in {@code unit}. */
  public record Distribution(String name, String unit, Histogram histogram) {}

  private final List<WorkloadMetric> metrics;
  private final List<Distribution> distributions;
  private final RunStatistics statistics;

  private WorkloadResult(Builder b, RunStatistics statistics) {
    this.metrics = List.copyOf(b.metrics.values());
    this.distributions = List.copyOf(b.distributions);
    this.statistics = statistics;
  }

  /** The metrics, figure of merit first. */
  public List<WorkloadMetric> metrics() {
    return metrics;
  }

  /** The metric called {@code name}. */
  public WorkloadMetric metric(String name) {
    for (WorkloadMetric m : metrics) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no metric " + name + " in " + metrics);
  }

  /** The distributions. */
  public List<Distribution> distributions() {
    return distributions;
  }

  /** The engine's statistics (events, wall time, threads). */
  public RunStatistics statistics() {
    return statistics;
  }

  /** Collects a run's figures. */
  public static final class Builder {
    private final Map<String, WorkloadMetric> metrics = new LinkedHashMap<>();
    private final List<Distribution> distributions = new ArrayList<>();
    private final int nodes;

    Builder(int nodes) {
      this.nodes = nodes;
    }

    /** Nodes the job ran on (for per-node figures). */
    public int nodes() {
      return nodes;
    }

    /** Adds a metric where larger is better. */
    public Builder higherIsBetter(String name, double value, String unit) {
      return add(new WorkloadMetric(name, value, unit, WorkloadMetric.Better.HIGHER));
    }

    /** Adds a metric where smaller is better. */
    public Builder lowerIsBetter(String name, double value, String unit) {
      return add(new WorkloadMetric(name, value, unit, WorkloadMetric.Better.LOWER));
    }

    /**
     * Adds a measure of its own (a share of cycles, a count, a utilisation): reported, with no
     * overhead against a baseline.
     */
    public Builder measure(String name, double value, String unit) {
      return add(new WorkloadMetric(name, value, unit, WorkloadMetric.Better.NEITHER));
    }

    private Builder add(WorkloadMetric m) {
      if (metrics.putIfAbsent(m.name(), m) != null) {
        throw new IllegalStateException("metric " + m.name() + " reported twice");
      }
      return this;
    }

    /** Adds a distribution. */
    public Builder distribution(String name, String unit, Histogram histogram) {
      distributions.add(new Distribution(name, unit, histogram));
      return this;
    }

    WorkloadResult build(RunStatistics statistics) {
      return new WorkloadResult(this, statistics);
    }
  }
}
