package org.xtsim.network.seastar;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.Partitioner;
import org.xtsim.engine.SimulationBuilder;
import org.xtsim.network.Envelope;
import org.xtsim.network.MessageSink;
import org.xtsim.network.topology.Torus;
import org.xtsim.network.topology.TorusPartitioner;

/**
 * The SeaStar with link contention ({@code linkContention = true}): packets move router by router
 * and flows that share a link share its bandwidth. Every node is a router with six output ports to
 * its neighbours and one to its NIC (ejection, kept by {@code SeastarNic}). A message is split into
 * packets; each packet carries its head time (the event time) and its tail time, and at each router
 * takes the next port of the dimension-order route:
 *
 * <pre>
 *   start   = max(head, portFree)        (store-and-forward: max(tail, portFree))
 *   tailOut = max(start + bytes / bw, tail)   portFree = tailOut
 *   next router sees head = start + hopLatency, tail = tailOut + hopLatency
 * </pre>
 *
 * Ports serve packets in the order their heads arrive (events run in time order), so the same
 * inputs give the same schedule whatever the thread count. One event per packet per router; the
 * engine's lookahead is the hop latency of its links.
 *
 * <p>Per node, besides the NIC: six ports of next-free time, bytes carried and engine link id (120
 * B), and the engine's six links.
 */
public final class ContendedSeastarNetwork extends SeastarNetworkBase {
  /** The NIC starts the next packet of a message; arg1 = bytes left. */
  static final int INJECT = SeastarNic.FIRST_FABRIC_EVENT_TYPE;

  /** A packet's head reaches a router; arg1 = tail offset (ps) &lt;&lt; 24 | packet bytes. */
  static final int HOP = SeastarNic.FIRST_FABRIC_EVENT_TYPE + 1;

  /**
   * One packet of a streamed message enters the source router; arg0 = header (flagged if last),
   * arg1 = packet bytes, arg2 = payload.
   */
  static final int PACKET = SeastarNic.FIRST_FABRIC_EVENT_TYPE + 2;

  /** Engine link of each output port, {@code node * Torus.PORTS + port}; -1 at a mesh's edge. */
  private final int[] linkIds;

  /** When each output port is next free, indexed as {@link #linkIds}. */
  private final long[] portFreePs;

  /** Bytes each output port has sent, indexed as {@link #linkIds}. */
  private final long[] linkBytes;

  /**
   * A backend on {@code torus} for ranks placed by {@code rankToNode}, with the timing of {@code
   * params} (whose {@code linkContention} it does not read: {@link SeastarSpec} picks the model).
   */
  public ContendedSeastarNetwork(Torus torus, SeastarParams params, int[] rankToNode) {
    super(torus, params, rankToNode);
    int n = torus.nodes();
    this.linkIds = new int[n * Torus.PORTS];
    this.portFreePs = new long[n * Torus.PORTS];
    this.linkBytes = new long[n * Torus.PORTS];
  }

  /** One engine link per output port to a neighbour, with the hop latency. */
  @Override
  public void declare(SimulationBuilder builder) {
    for (int node = 0; node < torus.nodes(); node++) {
      for (int port = 0; port < Torus.PORTS; port++) {
        int to = torus.neighbour(node, port);
        linkIds[node * Torus.PORTS + port] =
            to < 0 ? -1 : builder.link(node, to, params.hopLatencyPs());
      }
    }
  }

  /** Slabs of the torus, so that few links cross partitions. */
  @Override
  public Partitioner partitioner() {
    return new TorusPartitioner(torus);
  }

  /** The message enters the source router when its DMA starts (one event, then hop by hop). */
  @Override
  void leaveNic(
      Context ctx, int sourceNode, long dmaStartPs, long bytes, long header, long payload) {
    ctx.schedule(dmaStartPs - ctx.nowPs(), INJECT, header, bytes, payload);
  }

  /** The packet enters the source router when its DMA starts. */
  @Override
  void leavePacket(
      Context ctx,
      int sourceNode,
      long header,
      long payload,
      int packet,
      long headPs,
      long tailPs) {
    ctx.schedule(headPs - ctx.nowPs(), PACKET, header, packet, payload);
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
        long tail = now + nic.packetDmaPs(packet);
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
      case PACKET -> {
        int packet = (int) event.arg1();
        long tail = now + nic.packetDmaPs(packet);
        forward(ctx, node, event.arg0(), event.arg2(), packet, now, tail, sink);
      }
      case SeastarNic.STREAM -> streamPacket(ctx, event, sink);
      case SeastarNic.LOCAL -> sink.deliver(ctx, event.arg0(), event.arg1(), now);
      default ->
          throw new IllegalStateException(
              "contended SeaStar backend got event type " + event.type());
    }
  }

  /**
   * The router of {@code node} takes a packet whose head and tail arrive at {@code head} and {@code
   * tail}: sends it on through the next port of its route, or ejects it at its destination.
   */
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
      nic.eject(ctx, node, header, payload, packet, head, tail, sink);
      return;
    }
    int slot = node * Torus.PORTS + port;
    long start = Math.max(cutThrough ? head : tail, portFreePs[slot]);
    long tailOut = Math.max(start + Math.round(packet * linkPsPerByte), tail);
    portFreePs[slot] = tailOut;
    linkBytes[slot] += packet;
    ctx.send(
        linkIds[slot],
        start + params.hopLatencyPs() - ctx.nowPs(),
        HOP,
        header,
        ((tailOut - start) << 24) | packet,
        payload);
  }

  @Override
  public long[] linkBytes() {
    return linkBytes;
  }

  @Override
  public double linkBandwidthBytesPerSecond() {
    return params.linkBandwidthBytesPerSecond();
  }
}
