package org.xtsim.workloads;

import java.util.Objects;

/**
 * One figure a run produced.
 *
 * @param name metric name, e.g. {@code mflops_per_node}
 * @param value its value
 * @param unit its unit, e.g. {@code MFLOPS}, {@code s}, {@code us}
 * @param better which direction is better, and so how an overhead against a baseline is read
 */
public record WorkloadMetric(String name, double value, String unit, Better better) {
  /** Which direction of a metric is better. */
  public enum Better {
    /** Rates (MFLOPS, bandwidth, work per quantum): the overhead is the run-time increase. */
    HIGHER,
    /** Times (run time, time per iteration, latency): the overhead is their increase. */
    LOWER,
    /**
     * A measure of its own (shares of cycles, counts, utilisation, a noise percentage): no
     * overhead, since its change against a baseline is no run-time increase.
     */
    NEITHER
  }

  /** Validates. */
  public WorkloadMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(better, "better");
  }
}
