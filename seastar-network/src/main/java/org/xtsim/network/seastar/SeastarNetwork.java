package org.xtsim.network.seastar;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.Partitioner;
import org.xtsim.engine.SimulationBuilder;
import org.xtsim.network.Envelope;
import org.xtsim.network.IdleLinkTiming;
import org.xtsim.network.MessageSink;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.topology.ActiveBlocksPartitioner;
import org.xtsim.network.topology.Torus;
import org.xtsim.network.topology.TorusPartitioner;

/**
 * The SeaStar backend. Every node is a router with six output ports to its neighbours and one to
 * its NIC (ejection). A message is split into packets; each packet carries its head time (the event
 * time) and its tail time, and at each router takes the next port of the dimension-order route:
 *
 * <pre>
 *   start   = max(head, portFree)        (store-and-forward: max(tail, portFree))
 *   tailOut = max(start + bytes / bw, tail)   portFree = tailOut
 *   next router sees head = start + hopLatency, tail = tailOut + hopLatency
 * </pre>
 *
 * Ports serve packets in the order their heads arrive (events run in time order), so flows that
 * share a link share its bandwidth, and the same inputs give the same schedule whatever the thread
 * count. The NIC runs its firmware per message, then DMAs packets at the injection rate; at the
 * destination the last packet's tail, then the receive firmware, completes the message.
 */
public final class SeastarNetwork implements NetworkModel, IdleLinkTiming {
  /** The NIC starts the next packet of a message; arg1 = bytes left. */
  static final int INJECT = FIRST_EVENT_TYPE;

  /** A packet's head reaches a router; arg1 = tail offset (ps) &lt;&lt; 24 | packet bytes. */
  static final int HOP = FIRST_EVENT_TYPE + 1;

  /** A message between ranks on one node arrives. */
  static final int LOCAL = FIRST_EVENT_TYPE + 2;

  /** Without link contention: a packet's head reaches its destination router. */
  static final int DIRECT = FIRST_EVENT_TYPE + 3;

  private static final int PORTS = Torus.PORTS + 1;
  private static final int EJECT_PORT = Torus.PORTS;
  private static final long PACKET_MASK = (1L << 24) - 1;

  private final Torus torus;
  private final SeastarParams params;
  private final int[] rankToNode;
  private final boolean cutThrough;
  private final double linkPsPerByte;
  private final double injectionPsPerByte;
  private final double sharedMemoryPsPerByte;

  private final int[] linkIds;
  private final long[] portFreePs;
  private final long[] linkBytes;
  private final long[] nicFirmwareFreePs;
  private final long[] nicDmaFreePs;
  private final long[] nicReceiveFreePs;
  private final int[] directLastDest;
  private final long[] directLastTailPs;

  /** A backend on {@code torus} for ranks placed by {@code rankToNode}. */
  public SeastarNetwork(Torus torus, SeastarParams params, int[] rankToNode) {
    this.torus = torus;
    this.params = params;
    this.rankToNode = rankToNode;
    this.cutThrough = params.switching() == Switching.CUT_THROUGH;
    this.linkPsPerByte = 1e12 / params.linkBandwidthBytesPerSecond();
    this.injectionPsPerByte = 1e12 / params.injectionBytesPerSecond();
    this.sharedMemoryPsPerByte = 1e12 / params.sharedMemoryBytesPerSecond();
    int n = torus.nodes();
    this.linkIds = new int[n * Torus.PORTS];
    this.portFreePs = new long[n * PORTS];
    this.linkBytes = new long[n * Torus.PORTS];
    this.nicFirmwareFreePs = new long[n];
    this.nicDmaFreePs = new long[n];
    this.nicReceiveFreePs = new long[n];
    this.directLastDest = new int[params.linkContention() ? 0 : n];
    this.directLastTailPs = new long[params.linkContention() ? 0 : n];
    java.util.Arrays.fill(directLastDest, -1);
  }

  /** The mesh or torus. */
  public Torus torus() {
    return torus;
  }

  @Override
  public int nodes() {
    return torus.nodes();
  }

  @Override
  public void declare(SimulationBuilder builder) {
    if (!params.linkContention()) {
      builder.connectAll(lookaheadPs());
      return;
    }
    for (int node = 0; node < torus.nodes(); node++) {
      for (int port = 0; port < Torus.PORTS; port++) {
        int to = torus.neighbour(node, port);
        linkIds[node * Torus.PORTS + port] =
            to < 0 ? -1 : builder.link(node, to, params.hopLatencyPs());
      }
    }
  }

  @Override
  public Partitioner partitioner() {
    if (!params.linkContention()) {
      // No links to cut: the lookahead is the same for any cut, so balance the job's nodes and
      // keep each partition's node-indexed state contiguous.
      return new ActiveBlocksPartitioner(rankToNode, torus.nodes());
    }
    return new TorusPartitioner(torus);
  }

  @Override
  public long eagerThresholdBytes() {
    return params.eagerThresholdBytes();
  }

  @Override
  public long sendOverheadPs(long bytes) {
    return params.hostSendOverheadPs();
  }

  @Override
  public long receiveOverheadPs(long bytes) {
    return params.hostReceivePs();
  }

  @Override
  public long sendGatePs(int node, long earliestPs, long bytes) {
    return earliestPs;
  }

  @Override
  public long receiveGatePs(int node, long earliestPs, long bytes) {
    return earliestPs;
  }

  @Override
  public long transmit(
      Context ctx,
      int sourceNode,
      int destNode,
      long startPs,
      long readyPs,
      long bytes,
      long header,
      long payload) {
    long now = ctx.nowPs();
    if (sourceNode == destNode) {
      long arrival =
          readyPs + params.sharedMemoryLatencyPs() + Math.round(bytes * sharedMemoryPsPerByte);
      ctx.schedule(arrival - now, LOCAL, header, payload, 0L);
      return arrival;
    }
    long dmaStart = startDma(sourceNode, readyPs, injectionPs(bytes));
    if (params.linkContention()) {
      ctx.schedule(dmaStart - now, INJECT, header, bytes, payload);
    } else {
      // No router state to reserve in time order: every packet leaves for its destination now.
      long head = dmaStart;
      long left = bytes;
      do {
        int packet = (int) Math.min(left, params.packetBytes());
        long tail = head + Math.round(packet * injectionPsPerByte);
        left -= packet;
        long h = left == 0 ? Envelope.withLast(header) : header;
        direct(ctx, sourceNode, h, payload, packet, head, tail);
        head = tail;
      } while (left > 0);
    }
    return nicDmaFreePs[sourceNode];
  }

  /**
   * The NIC's send firmware, then its DMA engine, take a message handed over at {@code readyPs};
   * returns when the DMA starts (the first packet's head leaves).
   */
  private long startDma(int sourceNode, long readyPs, long dmaPs) {
    long firmwareStart = Math.max(readyPs, nicFirmwareFreePs[sourceNode]);
    long firmwareEnd = firmwareStart + params.nicSendProcessingPs();
    nicFirmwareFreePs[sourceNode] = firmwareEnd;
    long dmaStart = Math.max(firmwareEnd, nicDmaFreePs[sourceNode]);
    nicDmaFreePs[sourceNode] = dmaStart + dmaPs;
    return dmaStart;
  }

  /** DMA time of a whole message, packet by packet as {@link #INJECT} does it. */
  private long injectionPs(long bytes) {
    int packet = params.packetBytes();
    long full = bytes / packet;
    long rest = bytes % packet;
    return full * Math.round(packet * injectionPsPerByte) + Math.round(rest * injectionPsPerByte);
  }

  @Override
  public void onEvent(Event event, Context ctx, MessageSink sink) {
    int node = ctx.self();
    long now = ctx.nowPs();
    switch (event.type()) {
      case INJECT -> {
        long header = event.arg0();
        long left = event.arg1();
        int packet = (int) Math.min(left, params.packetBytes());
        long tail = now + Math.round(packet * injectionPsPerByte);
        boolean last = left == packet;
        long h = last ? Envelope.withLast(header) : header;
        forward(ctx, node, h, event.arg2(), packet, now, tail, sink);
        if (!last) {
          ctx.schedule(tail - now, INJECT, header, left - packet, event.arg2());
        }
      }
      case HOP -> {
        long packed = event.arg1();
        int packet = (int) (packed & PACKET_MASK);
        long tail = now + (packed >>> 24);
        forward(ctx, node, event.arg0(), event.arg2(), packet, now, tail, sink);
      }
      case LOCAL -> sink.deliver(ctx, event.arg0(), event.arg1(), now);
      case DIRECT -> {
        long packed = event.arg1();
        int packet = (int) (packed & PACKET_MASK);
        eject(ctx, node, event.arg0(), event.arg2(), packet, now, now + (packed >>> 24), sink);
      }
      default -> throw new IllegalStateException("SeaStar backend got event type " + event.type());
    }
  }

  private void forward(
      Context ctx,
      int node,
      long header,
      long payload,
      int packet,
      long head,
      long tail,
      MessageSink sink) {
    int dest = rankToNode[Envelope.destRank(header)];
    int port = torus.nextPort(node, dest);
    if (port == Torus.EJECT) {
      eject(ctx, node, header, payload, packet, head, tail, sink);
      return;
    }
    int slot = node * PORTS + port;
    long start = Math.max(cutThrough ? head : tail, portFreePs[slot]);
    long tailOut = Math.max(start + Math.round(packet * linkPsPerByte), tail);
    portFreePs[slot] = tailOut;
    linkBytes[node * Torus.PORTS + port] += packet;
    long hop = params.hopLatencyPs();
    ctx.send(
        linkIds[node * Torus.PORTS + port],
        start + hop - ctx.nowPs(),
        HOP,
        header,
        ((tailOut - start) << 24) | packet,
        payload);
  }

  /**
   * Without link contention: the packet's head and tail reach the destination router as they would
   * over idle links (per hop: cut-through adds the hop latency to both, after the first link's
   * serialisation; store-and-forward waits for the tail at every router), except that consecutive
   * packets from one node to one destination keep their order. Packets of other routes do not delay
   * it.
   */
  private void direct(
      Context ctx, int node, long header, long payload, int packet, long head, long tail) {
    int dest = rankToNode[Envelope.destRank(header)];
    long headIn = routeDirect(node, dest, Math.round(packet * linkPsPerByte), head, tail);
    long tailIn = directLastTailPs[node];
    ctx.sendTo(
        dest, headIn - ctx.nowPs(), DIRECT, header, ((tailIn - headIn) << 24) | packet, payload);
  }

  /**
   * The idle-link route of one packet from {@code node} to {@code dest}: returns when its head
   * reaches the destination router; its tail time is left in {@code directLastTailPs[node]}.
   */
  private long routeDirect(int node, int dest, long serialise, long head, long tail) {
    int hops = torus.hops(node, dest);
    long hop = params.hopLatencyPs();
    long headIn;
    long tailIn;
    if (cutThrough) {
      headIn = head + hops * hop;
      tailIn = Math.max(head + serialise, tail) + hops * hop;
    } else {
      headIn = tail + (hops - 1) * (serialise + hop) + hop;
      tailIn = headIn + serialise;
    }
    if (directLastDest[node] == dest) {
      // Packets along one route stay in order: this one cannot overtake the previous one.
      long previousTail = directLastTailPs[node];
      if (cutThrough) {
        headIn = Math.max(headIn, previousTail);
        tailIn = Math.max(tailIn, headIn + serialise);
      } else {
        tailIn = Math.max(tailIn, previousTail + serialise);
        headIn = tailIn - serialise;
      }
    }
    directLastDest[node] = dest;
    directLastTailPs[node] = tailIn;
    return headIn;
  }

  private void eject(
      Context ctx,
      int node,
      long header,
      long payload,
      int packet,
      long head,
      long tail,
      MessageSink sink) {
    long tailOut = ejectPacket(node, Math.round(packet * injectionPsPerByte), head, tail);
    if (Envelope.isLast(header)) {
      sink.deliver(ctx, Envelope.withoutLast(header), payload, receiveFirmware(node, tailOut));
    }
  }

  /** The ejection port takes a packet; returns when its tail has left the port. */
  private long ejectPacket(int node, long ejectPs, long head, long tail) {
    int slot = node * PORTS + EJECT_PORT;
    long start = Math.max(cutThrough ? head : tail, portFreePs[slot]);
    long tailOut = Math.max(start + ejectPs, tail);
    portFreePs[slot] = tailOut;
    return tailOut;
  }

  /** The NIC's receive firmware handles a message whose last packet is in at {@code tailPs}. */
  private long receiveFirmware(int node, long tailPs) {
    long firmwareStart = Math.max(tailPs, nicReceiveFreePs[node]);
    long done = firmwareStart + params.nicReceiveProcessingPs();
    nicReceiveFreePs[node] = done;
    return done;
  }

  // ------------------------------------------------------------------ IdleLinkTiming

  @Override
  public IdleLinkTiming idleLinkTiming() {
    return params.linkContention() ? null : this;
  }

  @Override
  public long maxMessageBytes() {
    return params.packetBytes();
  }

  /**
   * Without link contention every packet is routed when the NIC takes the message (transmit), which
   * the host hands it only after its send overhead, and its head leaves only after the NIC's send
   * processing: no node hears from another sooner than the three plus one hop after the sending
   * event. The engine checks the bound on every send.
   */
  @Override
  public long lookaheadPs() {
    return params.hostSendOverheadPs() + params.nicSendProcessingPs() + params.hopLatencyPs();
  }

  @Override
  public MessageTiming messages(long bytes) {
    if (params.linkContention() || bytes < 0 || bytes > params.packetBytes()) {
      throw new IllegalArgumentException(
          "idle-link timing covers messages of one packet (<= "
              + params.packetBytes()
              + " B) without link contention, not "
              + bytes
              + " B");
    }
    return new OnePacket(bytes);
  }

  /** One-packet messages of one size, their size-dependent durations worked out once. */
  private final class OnePacket implements MessageTiming {
    private final long bytes;
    private final long injectionPs;
    private final long serialisePs;

    OnePacket(long bytes) {
      this.bytes = bytes;
      this.injectionPs = Math.round(bytes * injectionPsPerByte);
      this.serialisePs = Math.round(bytes * linkPsPerByte);
    }

    @Override
    public long bytes() {
      return bytes;
    }

    @Override
    public long send(int sourceNode, int destNode, long readyPs, long[] arrivalPs) {
      if (sourceNode == destNode) {
        throw new IllegalArgumentException("idle-link timing covers messages between nodes");
      }
      long head = startDma(sourceNode, readyPs, injectionPs);
      arrivalPs[0] = routeDirect(sourceNode, destNode, serialisePs, head, head + injectionPs);
      arrivalPs[1] = directLastTailPs[sourceNode];
      return nicDmaFreePs[sourceNode];
    }

    @Override
    public long receive(int destNode, long headPs, long tailPs) {
      return receiveFirmware(destNode, ejectPacket(destNode, injectionPs, headPs, tailPs));
    }
  }

  @Override
  public long[] linkBytes() {
    return params.linkContention() ? linkBytes : new long[0];
  }

  @Override
  public double linkBandwidthBytesPerSecond() {
    return params.linkBandwidthBytesPerSecond();
  }
}
