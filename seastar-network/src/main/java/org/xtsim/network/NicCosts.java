package org.xtsim.network;

/**
 * Host CPU time per message, on top of which the network's own timing runs. The network backend
 * supplies the native cost; an implementation may return more (the VMM model adds the exits of an
 * emulated NIC, or nothing for a passthrough one), never less: a backend may count the native send
 * overhead in its lookahead, and a message sent sooner fails the run with a {@code
 * LookaheadViolationException}. An implementation is a pure function of its arguments: it is called
 * from the node's own events and, for collectives timed in one pass ({@code
 * CollectiveTiming.DATAFLOW}), for any node from the thread that evaluates the collective.
 */
public interface NicCosts {
  /** Native costs: what the backend says, unchanged. */
  NicCosts NATIVE =
      new NicCosts() {
        @Override
        public long sendOverheadPs(int node, long bytes, long nativePs) {
          return nativePs;
        }

        @Override
        public long receiveOverheadPs(int node, long bytes, long nativePs) {
          return nativePs;
        }

        @Override
        public boolean sameOnEveryNode() {
          return true;
        }
      };

  /** Host time to hand a message of {@code bytes} to the NIC on {@code node}. */
  long sendOverheadPs(int node, long bytes, long nativePs);

  /** Host time to take delivery of a message of {@code bytes} on {@code node}. */
  long receiveOverheadPs(int node, long bytes, long nativePs);

  /**
   * True if the costs do not depend on the node, so that a caller timing many messages of one size
   * may ask once (default false).
   */
  default boolean sameOnEveryNode() {
    return false;
  }
}
