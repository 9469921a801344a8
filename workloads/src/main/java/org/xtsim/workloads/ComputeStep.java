package org.xtsim.workloads;

import java.util.List;
import java.util.Objects;
import org.xtsim.node.ComputePhase;

/**
 * What a rank computes between two communication calls: one or more compute phases (each with its
 * own access pattern), run back to back. Steps are named by their index in {@link
 * WorkloadInstance#steps()}, which is the phase id the MPI layer passes to the compute timer.
 *
 * @param name a readable name, e.g. {@code spmv+dot}
 * @param phases the phases, in order
 */
public record ComputeStep(String name, List<ComputePhase> phases) {
  /** Validates and copies. */
  public ComputeStep {
    Objects.requireNonNull(name, "name");
    phases = List.copyOf(phases);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("compute step " + name + " has no phases");
    }
  }

  /** A step of the given phases. */
  public static ComputeStep of(String name, ComputePhase... phases) {
    return new ComputeStep(name, List.of(phases));
  }

  /** Total flops of the step. */
  public double flops() {
    double sum = 0;
    for (ComputePhase p : phases) {
      sum += p.flops();
    }
    return sum;
  }
}
