package org.xtsim.network;

import org.xtsim.engine.Context;

/** Where a network backend hands a message once it has fully arrived at its destination's NIC. */
@FunctionalInterface
public interface MessageSink {
  /**
   * Called during an event of the destination node, at or before {@code arrivalPs}.
   *
   * @param arrivalPs when the NIC has the whole message and may notify the host
   */
  void deliver(Context ctx, long header, long payload, long arrivalPs);
}
