package org.xtsim.network.mpi;

import org.xtsim.network.NetworkModel;
import org.xtsim.network.NicCosts;

/**
 * The host's side of a message, one formula for the message-level path ({@link
 * PointToPointProtocol}) and the one-pass collectives ({@link DataflowCollectives}): the network's
 * gates (when the host may start), its native overheads, and what {@link NicCosts} adds to them.
 */
final class HostCosts {
  private final NetworkModel network;
  private final NicCosts nicCosts;
  private final ComputeTimer node;

  HostCosts(NetworkModel network, NicCosts nicCosts, ComputeTimer node) {
    this.network = network;
    this.nicCosts = nicCosts;
    this.node = node;
  }

  /**
   * When {@code workPs} of host work on {@code node} that may start at {@code startPs} is done: an
   * interruption of the node (a tick, host preemption, a daemon) stops it, and a message that
   * arrives while the node is interrupted is taken when the interruption ends.
   */
  long workEndPs(int node, long startPs, long workPs) {
    return this.node.hostWorkEndPs(node, startPs, workPs);
  }

  /**
   * When the host on {@code node} may start sending {@code bytes}, at or after {@code earliestPs}.
   */
  long sendStartPs(int node, long earliestPs, long bytes) {
    return network.sendGatePs(node, earliestPs, bytes);
  }

  /** Host time to hand a message of {@code bytes} to the NIC on {@code node}. */
  long sendOverheadPs(int node, long bytes) {
    return nicCosts.sendOverheadPs(node, bytes, network.sendOverheadPs(bytes));
  }

  /**
   * When the host on {@code node} may start taking {@code bytes}, at or after {@code earliestPs}.
   */
  long receiveStartPs(int node, long earliestPs, long bytes) {
    return network.receiveGatePs(node, earliestPs, bytes);
  }

  /** Host time to take delivery of a message of {@code bytes} on {@code node}. */
  long receiveOverheadPs(int node, long bytes) {
    return nicCosts.receiveOverheadPs(node, bytes, network.receiveOverheadPs(bytes));
  }

  /** True if the overheads do not depend on the node ({@link NicCosts#sameOnEveryNode}). */
  boolean sameOnEveryNode() {
    return nicCosts.sameOnEveryNode();
  }
}
