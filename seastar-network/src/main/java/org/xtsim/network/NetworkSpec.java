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

  /**
   * Estimated retained heap, in bytes per simulated node, that this network needs on top of the
   * per-node base every backend shares: its own per-node state beyond the base, and the events of
   * the packets it keeps in flight. The base (the experiments' {@code HeapEstimate.BYTES_PER_NODE})
   * is the measured retained heap of a finished job with idle-link SeaStar timing or LogGOPS, with
   * a margin; it covers the rank table, request pool, event-queue slots, engine component state and
   * those backends' few NIC times per node. Used to refuse a machine too large for the JVM before
   * anything is built; the figures carry margins so that it errs high.
   *
   * @param sendBytesInFlightPerNode the most bytes of messages a node's ranks have sent and not yet
   *     seen delivered
   */
  long heapBytesPerNode(long sendBytesInFlightPerNode);
}
