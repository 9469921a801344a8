package org.xtsim.network;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.Partitioner;
import org.xtsim.engine.SimulationBuilder;

/**
 * A network backend as the MPI layer sees it. Nodes are engine components {@code 0..nodes()-1}
 * (added by the MPI layer with its handler); the backend declares the links between them, handles
 * its own event types (all ≥ {@link #FIRST_EVENT_TYPE}) and hands fully arrived messages to a
 * {@link MessageSink}.
 *
 * <p>A send goes: MPI asks {@link #sendGatePs} when the host may start (a LogGOPS NIC gap), charges
 * the host overhead (at least {@link #sendOverheadPs}), then calls {@link #transmit} with a ready
 * time no earlier than the current event's time plus that overhead, so a backend may count it in
 * its lookahead. A receive: the backend delivers, MPI asks {@link #receiveGatePs} and charges the
 * host receive overhead.
 *
 * <p>Per-node state lives in primitive arrays indexed by node and is only touched in that node's
 * events, so any partitioning over threads is safe.
 */
public interface NetworkModel {
  /** Event types at or above this belong to the network. */
  int FIRST_EVENT_TYPE = 100;

  /** Number of node components the backend needs. */
  int nodes();

  /** Declares links (or any-to-any reachability) once the node components exist. */
  void declare(SimulationBuilder builder);

  /** A partitioner suited to the topology. */
  Partitioner partitioner();

  /** Messages above this many bytes use the rendezvous protocol. */
  long eagerThresholdBytes();

  /** Native host time to send a message of {@code bytes}. */
  long sendOverheadPs(long bytes);

  /** Native host time to receive a message of {@code bytes}. */
  long receiveOverheadPs(long bytes);

  /**
   * The time at or after {@code earliestPs} at which the host on {@code node} may start sending a
   * message of {@code bytes}; reserves the NIC from then on where the backend has a send gap.
   */
  long sendGatePs(int node, long earliestPs, long bytes);

  /** As {@link #sendGatePs}, for taking delivery of a message. */
  long receiveGatePs(int node, long earliestPs, long bytes);

  /**
   * Hands a message to the NIC of {@code sourceNode}, during one of its events.
   *
   * @param startPs when the host began the send (after {@link #sendGatePs})
   * @param readyPs when the host overhead is paid and the NIC may take the message, ≥ now
   * @return when the send completes locally (the buffer may be reused)
   */
  long transmit(
      Context ctx,
      int sourceNode,
      int destNode,
      long startPs,
      long readyPs,
      long bytes,
      long header,
      long payload);

  /**
   * What {@link #stream} returns when the send's completion will come through {@link
   * MessageSink#sent}.
   */
  long COMPLETES_LATER = -1;

  /**
   * Hands a long message to the NIC of {@code sourceNode} as {@link #transmit} does, for a backend
   * whose NIC may share its DMA engine between this message and others handed over later: then its
   * local completion is not known yet, this returns {@link #COMPLETES_LATER}, and the backend calls
   * {@link MessageSink#sent} with {@code token} during an event of {@code sourceNode} once it is
   * known. The default (a backend whose timing is fixed at hand-over) is {@link #transmit}.
   *
   * @param token the caller's name for the send, handed back to {@link MessageSink#sent}, ≥ 0
   * @return when the send completes locally, or {@link #COMPLETES_LATER}
   */
  default long stream(
      Context ctx,
      int sourceNode,
      int destNode,
      long startPs,
      long readyPs,
      long bytes,
      long header,
      long payload,
      int token) {
    return transmit(ctx, sourceNode, destNode, startPs, readyPs, bytes, header, payload);
  }

  /**
   * Executes a network event (type ≥ {@link #FIRST_EVENT_TYPE}); messages that complete are handed
   * to {@code sink}.
   */
  void onEvent(Event event, Context ctx, MessageSink sink);

  /** Bytes carried by each link so far, indexed {@code node * 6 + port}; empty if not modelled. */
  default long[] linkBytes() {
    return new long[0];
  }

  /** Link bandwidth in bytes per second, for utilisation; 0 if links are not modelled. */
  default double linkBandwidthBytesPerSecond() {
    return 0;
  }

  /**
   * The backend's per-message timing on idle links, for collectives evaluated in one pass; null
   * (the default) where the backend has no such timing, for example when links are contended.
   */
  default IdleLinkTiming idleLinkTiming() {
    return null;
  }
}
