package org.xtsim.network.seastar;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.network.Envelope;
import org.xtsim.network.MessageSink;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.topology.Torus;

/**
 * What the two SeaStar models share: the torus, the timing parameters, the placement of ranks and
 * the {@link SeastarNic} (host costs, NIC firmware and DMA, on-node messages), and the parts of
 * {@link NetworkModel} that only the NIC decides. The models differ in how packets cross the
 * fabric: {@link ContendedSeastarNetwork} router by router, {@link IdleLinkSeastarNetwork} with
 * idle-link timing.
 */
abstract class SeastarNetworkBase implements NetworkModel {
  /** Packet bytes in the low 24 bits of an event argument. */
  static final long PACKET_MASK = (1L << 24) - 1;

  final Torus torus;
  final SeastarParams params;
  final int[] rankToNode;
  final SeastarNic nic;
  final boolean cutThrough;
  final double linkPsPerByte;

  /**
   * How long before a streamed packet asks for the DMA engine its {@link SeastarNic#STREAM} event
   * runs: the least time between a send's hand-over event and the end of its firmware processing
   * (host send overhead plus NIC send processing), so that a packet is always planned at or after
   * the event that handed its message over, and (idle-link timing) reaches another node no sooner
   * than the lookahead. Both models plan alike, so that they time one message alike; a short
   * message reserves the engine at its hand-over event, the same lead before its firmware is done.
   */
  final long planAheadPs;

  SeastarNetworkBase(Torus torus, SeastarParams params, int[] rankToNode) {
    this.torus = torus;
    this.params = params;
    this.rankToNode = rankToNode;
    this.nic = new SeastarNic(params, torus.nodes());
    this.cutThrough = params.switching() == Switching.CUT_THROUGH;
    this.linkPsPerByte = 1e12 / params.linkBandwidthBytesPerSecond();
    this.planAheadPs = params.hostSendOverheadPs() + params.nicSendProcessingPs();
  }

  /**
   * A message on one node goes through shared memory; else the NIC's DMA engine takes it as soon as
   * it is free, and {@link #leaveNic} sends it into the fabric.
   */
  @Override
  public final long transmit(
      Context ctx,
      int sourceNode,
      int destNode,
      long startPs,
      long readyPs,
      long bytes,
      long header,
      long payload) {
    if (sourceNode == destNode) {
      return nic.transmitLocal(ctx, readyPs, bytes, header, payload);
    }
    long dmaStartPs = nic.startDma(sourceNode, readyPs, nic.messageDmaPs(bytes));
    leaveNic(ctx, sourceNode, dmaStartPs, bytes, header, payload);
    return nic.dmaFreePs(sourceNode);
  }

  /**
   * A long message goes packet by packet: the firmware takes it as any other, then each packet asks
   * the DMA engine for its turn when the previous one has been read (a {@link SeastarNic#STREAM}
   * event per packet, {@link #planAheadPs} before the request, so that the packet can be sent into
   * the fabric within the engine's lookahead). Packets of long messages handed over close together
   * thus alternate, and a short message handed over meanwhile waits for one packet, not for whole
   * messages. The send completes when the last packet has been read ({@link MessageSink#sent}).
   */
  @Override
  public final long stream(
      Context ctx,
      int sourceNode,
      int destNode,
      long startPs,
      long readyPs,
      long bytes,
      long header,
      long payload,
      int token) {
    if (sourceNode == destNode) {
      return nic.transmitLocal(ctx, readyPs, bytes, header, payload);
    }
    if (token < 0) {
      throw new IllegalArgumentException("stream token must be >= 0, was " + token);
    }
    long requestPs = nic.sendFirmware(sourceNode, readyPs);
    ctx.schedule(requestPs - planAheadPs - ctx.nowPs(), SeastarNic.STREAM, header, payload, token);
    return COMPLETES_LATER;
  }

  /**
   * A {@link SeastarNic#STREAM} event: the DMA engine reads the next packet of a long message, from
   * {@link #planAheadPs} after now or when it is free; the packet leaves for the fabric, and the
   * next one asks for its turn when this one is read.
   */
  final void streamPacket(Context ctx, Event event, MessageSink sink) {
    int node = ctx.self();
    long header = event.arg0();
    long payload = event.arg1();
    long sent = event.arg2() >>> 32;
    int token = (int) event.arg2();
    long bytes = Envelope.bytes(header, payload);
    int packet = (int) nic.packetBytes(bytes, sent);
    long dmaPs = nic.packetDmaPs(packet);
    long head = nic.reserveDma(node, ctx.nowPs() + planAheadPs, dmaPs);
    long tail = head + dmaPs;
    sent += packet;
    boolean last = sent >= bytes;
    leavePacket(ctx, node, last ? Envelope.withLast(header) : header, payload, packet, head, tail);
    if (last) {
      sink.sent(ctx, token, tail);
    } else {
      ctx.schedule(
          tail - planAheadPs - ctx.nowPs(),
          SeastarNic.STREAM,
          header,
          payload,
          (sent << 32) | (token & 0xFFFF_FFFFL));
    }
  }

  /** Sends a message whose DMA starts at {@code dmaStartPs} from {@code sourceNode}'s NIC. */
  abstract void leaveNic(
      Context ctx, int sourceNode, long dmaStartPs, long bytes, long header, long payload);

  /**
   * Sends one packet of a streamed message (its header flagged if it is the last) whose head leaves
   * {@code sourceNode}'s NIC at {@code headPs} and its tail at {@code tailPs}, ≥ now + {@link
   * #planAheadPs}.
   */
  abstract void leavePacket(
      Context ctx, int sourceNode, long header, long payload, int packet, long headPs, long tailPs);

  @Override
  public final int nodes() {
    return torus.nodes();
  }

  @Override
  public final long eagerThresholdBytes() {
    return params.eagerThresholdBytes();
  }

  @Override
  public final long sendOverheadPs(long bytes) {
    return nic.hostSendOverheadPs();
  }

  @Override
  public final long receiveOverheadPs(long bytes) {
    return nic.hostReceivePs();
  }

  @Override
  public final long sendGatePs(int node, long earliestPs, long bytes) {
    return earliestPs;
  }

  @Override
  public final long receiveGatePs(int node, long earliestPs, long bytes) {
    return earliestPs;
  }
}
