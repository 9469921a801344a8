package org.xtsim.workloads;

import java.util.Objects;

/**
 * One figure a run produced.
 *
 * @param name metric name, e.g. {@code mflops_per_node}
 * @param value its value
 * @param unit its unit, e.g. {@code MFLOPS}, {@code s}, {@code us}
 * @param higherIsBetter whether a larger value is better (throughput) or worse (time)
 */
public record WorkloadMetric(String name, double value, String unit, boolean higherIsBetter) {
  /** Validates. */
  public WorkloadMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
  }
}
