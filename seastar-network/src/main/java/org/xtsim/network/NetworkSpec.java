package org.xtsim.network;

/**
 * Which network a job runs on, with its parameters: {@link org.xtsim.network.seastar.SeastarSpec}
 * or {@link org.xtsim.network.loggp.LogGopsParams}.
 */
public interface NetworkSpec {
  /**
   * Places {@code ranks} ranks, {@code ranksPerNode} per node.
   *
   * @return the node of each rank
   * @throws IllegalArgumentException if they do not fit (more ranks than cores)
   */
  int[] place(int ranks, int ranksPerNode);

  /** Builds the backend for a placement returned by {@link #place}. */
  NetworkModel create(int[] rankToNode);
}
