package org.xtsim.experiments;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;

/**
 * What one point produced: metrics (the first is the figure of merit), the simulation's committed
 * events, optionally its wall time, and optional distributions.
 */
public final class PointResult {
  private final List<Metric> metrics;
  private final List<Distribution> distributions;
  private final long events;
  private final double wallSeconds;

  private PointResult(Builder b) {
    if (b.metrics.isEmpty()) {
      throw new IllegalArgumentException("a point result needs at least one metric");
    }
    this.metrics = List.copyOf(b.metrics);
    this.distributions = List.copyOf(b.distributions);
    this.events = b.events;
    this.wallSeconds = b.wallSeconds;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The metrics, figure of merit first. */
  public List<Metric> metrics() {
    return metrics;
  }

  /** The distributions, possibly none. */
  public List<Distribution> distributions() {
    return distributions;
  }

  /** Committed simulation events. */
  public long events() {
    return events;
  }

  /** Wall seconds the runner measured, or NaN when it left that to the framework. */
  public double wallSeconds() {
    return wallSeconds;
  }

  /** Builds a {@link PointResult}. */
  public static final class Builder {
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Distribution> distributions = new ArrayList<>();
    private long events;
    private double wallSeconds = Double.NaN;

    private Builder() {}

    /** Adds a metric; the first one added is the figure of merit. */
    public Builder metric(String name, double value, String unit, Metric.Better better) {
      metrics.add(new Metric(name, value, unit, better));
      return this;
    }

    /** Adds a distribution of integer values in {@code unit}. */
    public Builder distribution(String name, String unit, AbstractHistogram histogram) {
      distributions.add(new Distribution(name, unit, histogram));
      return this;
    }

    /** Sets the committed event count, &ge; 0. */
    public Builder events(long committedEvents) {
      if (committedEvents < 0) {
        throw new IllegalArgumentException("events must be >= 0, was " + committedEvents);
      }
      this.events = committedEvents;
      return this;
    }

    /** Sets the wall time of the simulation; otherwise the framework measures the call. */
    public Builder wallSeconds(double seconds) {
      this.wallSeconds = seconds;
      return this;
    }

    /** The result. */
    public PointResult build() {
      return new PointResult(this);
    }
  }
}
