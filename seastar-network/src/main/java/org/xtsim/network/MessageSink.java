package org.xtsim.network;

import org.xtsim.engine.Context;

/**
 * Where a network backend hands a message once it has fully arrived at its destination's NIC, and
 * the local completion of a send handed over with {@link NetworkModel#stream}.
 */
@FunctionalInterface
public interface MessageSink {
  /**
   * Called during an event of the destination node, at or before {@code arrivalPs}.
   *
   * @param arrivalPs when the NIC has the whole message and may notify the host
   */
  void deliver(Context ctx, long header, long payload, long arrivalPs);

  /**
   * A send handed over with {@link NetworkModel#stream} completes locally (its NIC has read all of
   * it) at {@code donePs}; called during an event of its source node, at or before {@code donePs}.
   */
  default void sent(Context ctx, int token, long donePs) {
    throw new UnsupportedOperationException("this sink takes no streamed sends");
  }
}
