package org.xtsim.network;

/**
 * The per-message timing of a backend whose links are idle (no link contention), offered so that
 * the MPI layer can evaluate a small collective in one pass instead of message by message. Each
 * call applies the formulas of the backend's own events and updates the same per-node NIC state.
 *
 * <p>The caller, not the backend, guarantees the state is its to touch: it calls these methods only
 * for nodes whose ranks are all blocked in the collective with no message in flight to or from
 * them, so no event of those nodes runs meanwhile, and it hands the nodes back through an event
 * (which orders the writes before the nodes' next events on any thread).
 */
public interface IdleLinkTiming {
  /** The largest message one call can time: one that crosses the network as a single packet. */
  long maxMessageBytes();

  /**
   * The any-to-any lookahead the backend declared: no node hears from another sooner than this
   * after the sending event.
   */
  long lookaheadPs();

  /**
   * The timing of messages of {@code bytes} (at most {@link #maxMessageBytes}), with what depends
   * only on their size worked out once.
   *
   * @throws IllegalArgumentException if {@code bytes} is out of range
   */
  MessageTiming messages(long bytes);

  /** Sends and receives of messages of one size. */
  interface MessageTiming {
    /** The message size. */
    long bytes();

    /**
     * The NIC of {@code sourceNode} takes a message for {@code destNode} at {@code readyPs} (the
     * host's send overhead paid), as the backend's transmit does.
     *
     * @param arrivalPs receives, at index 0 and 1, when the message's head and tail reach the
     *     destination router
     * @return when the send completes locally (the NIC has read the buffer)
     */
    long send(int sourceNode, int destNode, long readyPs, long[] arrivalPs);

    /**
     * The NIC of {@code destNode} takes a message whose head and tail reach its router at {@code
     * headPs} and {@code tailPs}; returns when the host may take it.
     */
    long receive(int destNode, long headPs, long tailPs);
  }
}
