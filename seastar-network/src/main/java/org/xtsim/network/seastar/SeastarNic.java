package org.xtsim.network.seastar;

import org.xtsim.engine.Context;
import org.xtsim.network.Envelope;
import org.xtsim.network.MessageSink;
import org.xtsim.network.NetworkModel;

/**
 * The SeaStar NIC of every node, and the host's costs of talking to it: what both network models
 * ({@link ContendedSeastarNetwork}, {@link IdleLinkSeastarNetwork}) share. They differ only in how
 * a packet gets from the source NIC to the destination's router.
 *
 * <pre>
 *   send:    host overhead (MPI, Portals library) ─▶ send firmware (Portals on the NIC's PowerPC)
 *            ─▶ DMA, packet by packet at the injection rate ─▶ router
 *   receive: router ─▶ ejection port (FIFO, at the injection rate) ─▶ receive firmware
 *            ─▶ host (interrupt, MPI receive overhead)
 * </pre>
 *
 * The firmware serves one message at a time, in the order the host hands them over; so does the
 * receive firmware, in the order last packets arrive. The DMA engine reads a short message (eager,
 * control) whole when the firmware is done with it; a long message (rendezvous data) it reads
 * packet by packet ({@link #STREAM}), each packet requested when the previous one is read, so that
 * long messages handed over close together share the engine packet by packet instead of going whole
 * one after the other in the order of races between their handshakes (<b>assumption</b>: no public
 * description of how the SeaStar's transmit DMA schedules several pending Portals sends was found;
 * whole messages in hand-over order made a run's time hinge on nanosecond races, issue 18). A
 * message between ranks on one node never reaches the NIC: it is copied through shared memory
 * ({@link #LOCAL}).
 *
 * <p>Per node: the times at which the send firmware, the DMA engine, the ejection port and the
 * receive firmware are next free (four {@code long}s, 32 B). Each is touched only in events of its
 * node, or by one-pass collectives under the rules of {@link org.xtsim.network.IdleLinkTiming}.
 */
final class SeastarNic {
  /** A message between ranks on one node arrives; arg0 = header, arg1 = payload. */
  static final int LOCAL = NetworkModel.FIRST_EVENT_TYPE;

  /**
   * The DMA engine takes the next packet of a streamed message (see {@link
   * SeastarNetworkBase#stream}); arg0 = header, arg1 = payload, arg2 = bytes sent so far (high 32)
   * | the sender's token (low 32).
   */
  static final int STREAM = NetworkModel.FIRST_EVENT_TYPE + 1;

  /** The first event type left to the model that moves packets between NICs. */
  static final int FIRST_FABRIC_EVENT_TYPE = NetworkModel.FIRST_EVENT_TYPE + 2;

  private final SeastarParams params;
  private final int packetBytes;
  private final boolean cutThrough;
  private final double injectionPsPerByte;
  private final double sharedMemoryPsPerByte;

  private final long[] sendFirmwareFreePs;
  private final long[] dmaFreePs;
  private final long[] ejectFreePs;
  private final long[] receiveFirmwareFreePs;

  /** The NICs of {@code nodes} nodes, all idle at time 0. */
  SeastarNic(SeastarParams params, int nodes) {
    this.params = params;
    this.packetBytes = params.packetBytes();
    this.cutThrough = params.switching() == Switching.CUT_THROUGH;
    this.injectionPsPerByte = 1e12 / params.injectionBytesPerSecond();
    this.sharedMemoryPsPerByte = 1e12 / params.sharedMemoryBytesPerSecond();
    this.sendFirmwareFreePs = new long[nodes];
    this.dmaFreePs = new long[nodes];
    this.ejectFreePs = new long[nodes];
    this.receiveFirmwareFreePs = new long[nodes];
  }

  /** Native host time to hand a message to the NIC: the MPI and Portals library. */
  long hostSendOverheadPs() {
    return params.hostSendOverheadPs();
  }

  /** Native host time to take a message from the NIC: its interrupt plus MPI's receive. */
  long hostReceivePs() {
    return params.hostReceivePs();
  }

  /**
   * Copies a message between two ranks of one node through shared memory: it arrives (a {@link
   * #LOCAL} event) after the shared-memory latency and copy time from {@code readyPs}.
   *
   * @return the arrival time, when the send also completes
   */
  long transmitLocal(Context ctx, long readyPs, long bytes, long header, long payload) {
    long arrivalPs =
        readyPs + params.sharedMemoryLatencyPs() + Math.round(bytes * sharedMemoryPsPerByte);
    ctx.schedule(arrivalPs - ctx.nowPs(), LOCAL, header, payload, 0L);
    return arrivalPs;
  }

  /** DMA time of one packet of {@code packet} bytes at the injection (and ejection) rate. */
  long packetDmaPs(long packet) {
    return Math.round(packet * injectionPsPerByte);
  }

  /** DMA time of a whole message of {@code bytes}, packet by packet. */
  long messageDmaPs(long bytes) {
    long full = bytes / packetBytes;
    long rest = bytes % packetBytes;
    return full * packetDmaPs(packetBytes) + packetDmaPs(rest);
  }

  /**
   * The send firmware, then the DMA engine, of {@code node} take a message of {@code dmaPs} of DMA
   * handed over at {@code readyPs}; returns when the DMA starts (the first packet's head leaves).
   * The DMA engine is busy until {@link #dmaFreePs}.
   */
  long startDma(int node, long readyPs, long dmaPs) {
    return reserveDma(node, sendFirmware(node, readyPs), dmaPs);
  }

  /**
   * The send firmware of {@code node} takes a message handed over at {@code readyPs}, after the
   * messages handed over before it; returns when it is done and the DMA engine may start reading.
   */
  long sendFirmware(int node, long readyPs) {
    long firmwareStart = Math.max(readyPs, sendFirmwareFreePs[node]);
    long firmwareEnd = firmwareStart + params.nicSendProcessingPs();
    sendFirmwareFreePs[node] = firmwareEnd;
    return firmwareEnd;
  }

  /**
   * The DMA engine of {@code node} reads {@code dmaPs} of data (a message or one packet of one)
   * requested at {@code requestPs}, after what it was given before; returns when it starts.
   */
  long reserveDma(int node, long requestPs, long dmaPs) {
    long dmaStart = Math.max(requestPs, dmaFreePs[node]);
    dmaFreePs[node] = dmaStart + dmaPs;
    return dmaStart;
  }

  /** Bytes of the packet of a message of {@code bytes} that starts after {@code sentBytes}. */
  long packetBytes(long bytes, long sentBytes) {
    return Math.min(bytes - sentBytes, packetBytes);
  }

  /**
   * When the DMA engine of {@code node} has read everything it was given: after {@link #startDma},
   * when that message's send completes locally.
   */
  long dmaFreePs(int node) {
    return dmaFreePs[node];
  }

  /**
   * A packet whose head and tail reach the router of {@code node} at {@code headPs} and {@code
   * tailPs} leaves through the ejection port; if it is the message's last, the receive firmware
   * handles the message and {@code sink} gets it.
   */
  void eject(
      Context ctx,
      int node,
      long header,
      long payload,
      int packet,
      long headPs,
      long tailPs,
      MessageSink sink) {
    long tailOutPs = ejectPacket(node, packetDmaPs(packet), headPs, tailPs);
    if (Envelope.isLast(header)) {
      sink.deliver(ctx, Envelope.withoutLast(header), payload, receiveFirmware(node, tailOutPs));
    }
  }

  /**
   * The ejection port of {@code node}, a FIFO like a router port at the ejection rate, takes a
   * packet of {@code ejectPs}; returns when its tail has left the port.
   */
  long ejectPacket(int node, long ejectPs, long headPs, long tailPs) {
    long start = Math.max(cutThrough ? headPs : tailPs, ejectFreePs[node]);
    long tailOutPs = Math.max(start + ejectPs, tailPs);
    ejectFreePs[node] = tailOutPs;
    return tailOutPs;
  }

  /**
   * The receive firmware of {@code node} handles a message whose last packet is in at {@code
   * tailPs}; returns when the host may take it.
   */
  long receiveFirmware(int node, long tailPs) {
    long firmwareStart = Math.max(tailPs, receiveFirmwareFreePs[node]);
    long done = firmwareStart + params.nicReceiveProcessingPs();
    receiveFirmwareFreePs[node] = done;
    return done;
  }
}
