package org.xtsim.experiments;

import java.util.Objects;

/**
 * One number a point produced.
 *
 * @param name metric name, e.g. {@code mflops_total}, {@code run_time}
 * @param value the value
 * @param unit its unit, e.g. {@code MFLOPS}, {@code s}, {@code us}, {@code MB/s}
 * @param better which direction is better; decides the sign of the overhead against native
 */
public record Metric(String name, double value, String unit, Better better) {
  /** Which direction of a metric is better. */
  public enum Better {
    /**
     * Rates: MFLOPS, bandwidth. Overhead = native / value − 1: the run-time increase of a fixed
     * amount of work done at this rate (a rate 35 % lower takes 54 % longer).
     */
    HIGHER,
    /** Times: run time, latency. Overhead = (value − native) / native. */
    LOWER,
    /** Neither (counts, sizes): no overhead is computed. */
    NEITHER
  }

  /** Checks the name and unit. */
  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(better, "better");
    if (name.isBlank()) {
      throw new IllegalArgumentException("metric name must not be blank");
    }
  }

  /**
   * The overhead of this value against a baseline value in percent, always as the increase in run
   * time (or time per iteration) the value means: {@code 100·(value − native)/native} for times,
   * {@code 100·(native/value − 1)} for rates (the same work at a lower rate takes longer), so that
   * one table means one thing whatever a workload's figure of merit is; negative when better, +∞
   * for a rate of 0; NaN when the direction is {@link Better#NEITHER} or the baseline is 0.
   */
  public static double overheadPercent(double value, double baseline, Better better) {
    if (better == Better.NEITHER || baseline == 0 || Double.isNaN(baseline)) {
      return Double.NaN;
    }
    if (better == Better.LOWER) {
      return 100.0 * (value - baseline) / baseline;
    }
    return value == 0 ? Double.POSITIVE_INFINITY : 100.0 * (baseline / value - 1);
  }
}
