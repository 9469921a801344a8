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

  /**
   * When host work of the MPI layer on {@code node} (taking a message, posting a send, a reduction:
   * {@code workPs} uninterrupted) that may start at {@code startPs} ends. A node model with
   * interruptions delays it as it delays computation (an interruption stops everything the node
   * does); the plain version never interrupts.
   */
  default long hostWorkEndPs(int node, long startPs, long workPs) {
    return startPs + workPs;
  }
}
