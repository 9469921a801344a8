package org.xtsim.network.mpi;

import org.xtsim.engine.RandomStream;

/**
 * How long computation takes. The node and VMM models implement it (adding noise, exits and paging
 * costs); {@link FixedRateComputeTimer} is the plain version. Called from the node's own events.
 */
@FunctionalInterface
public interface ComputeTimer {
  /**
   * When a work item that starts at {@code startPs} on {@code node} ends.
   *
   * @param phaseId the workload's name for the kind of work
   * @param amount how much of it (the workload's unit, e.g. flops)
   * @param random the node's random stream
   */
  long computeEndPs(int node, long startPs, int phaseId, long amount, RandomStream random);
}
