package org.xtsim.network.seastar;

import java.util.Arrays;
import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.Partitioner;
import org.xtsim.engine.SimulationBuilder;
import org.xtsim.network.Envelope;
import org.xtsim.network.IdleLinkTiming;
import org.xtsim.network.MessageSink;
import org.xtsim.network.topology.ActiveBlocksPartitioner;
import org.xtsim.network.topology.Torus;

/**
 * The SeaStar without link contention ({@code linkContention = false}), for large runs where links
 * are not the bottleneck: when the NIC takes a message, each of its packets is sent straight to the
 * destination's router with the timing it would have over idle links, one event per packet instead
 * of one per hop. Per packet of {@code s} bytes over {@code h} hops, with {@code ser = s / link
 * bandwidth}, leaving the NIC with its head at {@code head} and its tail at {@code tail}:
 *
 * <pre>
 *   cut-through:        headIn = head + h·hop                 tailIn = max(head + ser, tail) + h·hop
 *   store-and-forward:  headIn = tail + (h−1)·(ser + hop) + hop   tailIn = headIn + ser
 * </pre>
 *
 * exactly what {@link ContendedSeastarNetwork} gives when no other packet is on the route.
 * Consecutive packets from one node to one destination keep their order; packets of other routes do
 * not delay it. The NICs (injection, ejection, firmware: {@code SeastarNic}) still serialise their
 * own traffic.
 *
 * <p>With no links to declare, every node reaches every other after the {@link #lookaheadPs()};
 * this backend offers its per-message timing for one-pass collectives ({@link IdleLinkTiming}).
 *
 * <p>Per node, besides the NIC: the destination of its last packet and when that packet's tail
 * reaches the destination's router (12 B). No router ports, no engine links.
 */
public final class IdleLinkSeastarNetwork extends SeastarNetworkBase implements IdleLinkTiming {
  /**
   * A packet's head reaches its destination router; arg1 = tail offset (ps) &lt;&lt; 24 | packet
   * bytes.
   */
  static final int DIRECT = SeastarNic.FIRST_FABRIC_EVENT_TYPE;

  /** The destination node of each node's last packet; -1 before its first. */
  private final int[] lastDestNode;

  /** When the tail of each node's last packet reaches its destination's router. */
  private final long[] lastTailInPs;

  /**
   * A backend on {@code torus} for ranks placed by {@code rankToNode}, with the timing of {@code
   * params} (whose {@code linkContention} it does not read: {@link SeastarSpec} picks the model).
   */
  public IdleLinkSeastarNetwork(Torus torus, SeastarParams params, int[] rankToNode) {
    super(torus, params, rankToNode);
    int n = torus.nodes();
    this.lastDestNode = new int[n];
    this.lastTailInPs = new long[n];
    Arrays.fill(lastDestNode, -1);
  }

  /** Any node reaches any other, no sooner than {@link #lookaheadPs()}. */
  @Override
  public void declare(SimulationBuilder builder) {
    builder.connectAll(lookaheadPs());
  }

  /**
   * No links to cut: the lookahead is the same for any cut, so balance the job's nodes and keep
   * each partition's node-indexed state contiguous.
   */
  @Override
  public Partitioner partitioner() {
    return new ActiveBlocksPartitioner(rankToNode, torus.nodes());
  }

  /**
   * No router state to reserve in time order: every packet leaves for its destination as the DMA
   * reads it.
   */
  @Override
  void leaveNic(
      Context ctx, int sourceNode, long dmaStartPs, long bytes, long header, long payload) {
    long head = dmaStartPs;
    long left = bytes;
    do {
      int packet = (int) Math.min(left, params.packetBytes());
      long tail = head + nic.packetDmaPs(packet);
      left -= packet;
      long h = left == 0 ? Envelope.withLast(header) : header;
      direct(ctx, sourceNode, h, payload, packet, head, tail);
      head = tail;
    } while (left > 0);
  }

  @Override
  void leavePacket(
      Context ctx,
      int sourceNode,
      long header,
      long payload,
      int packet,
      long headPs,
      long tailPs) {
    direct(ctx, sourceNode, header, payload, packet, headPs, tailPs);
  }

  /** Sends a packet that leaves the NIC of {@code node} to its destination's router. */
  private void direct(
      Context ctx, int node, long header, long payload, int packet, long head, long tail) {
    int dest = rankToNode[Envelope.destRank(header)];
    long headIn = route(node, dest, Math.round(packet * linkPsPerByte), head, tail);
    long tailIn = lastTailInPs[node];
    ctx.sendTo(
        dest, headIn - ctx.nowPs(), DIRECT, header, ((tailIn - headIn) << 24) | packet, payload);
  }

  /**
   * The idle-link route of one packet from {@code node} to {@code dest} (see the class comment),
   * after the previous packet of the same route: returns when its head reaches the destination
   * router; its tail time is left in {@code lastTailInPs[node]}.
   */
  private long route(int node, int dest, long serialisePs, long head, long tail) {
    int hops = torus.hops(node, dest);
    long hop = params.hopLatencyPs();
    long headIn;
    long tailIn;
    if (cutThrough) {
      headIn = head + hops * hop;
      tailIn = Math.max(head + serialisePs, tail) + hops * hop;
    } else {
      headIn = tail + (hops - 1) * (serialisePs + hop) + hop;
      tailIn = headIn + serialisePs;
    }
    if (lastDestNode[node] == dest) {
      // Packets along one route stay in order: this one cannot overtake the previous one.
      long previousTail = lastTailInPs[node];
      if (cutThrough) {
        headIn = Math.max(headIn, previousTail);
        tailIn = Math.max(tailIn, headIn + serialisePs);
      } else {
        tailIn = Math.max(tailIn, previousTail + serialisePs);
        headIn = tailIn - serialisePs;
      }
    }
    lastDestNode[node] = dest;
    lastTailInPs[node] = tailIn;
    return headIn;
  }

  @Override
  public void onEvent(Event event, Context ctx, MessageSink sink) {
    long now = ctx.nowPs();
    switch (event.type()) {
      case DIRECT -> {
        long packed = event.arg1();
        int packet = (int) (packed & PACKET_MASK);
        long tail = now + (packed >>> 24);
        nic.eject(ctx, ctx.self(), event.arg0(), event.arg2(), packet, now, tail, sink);
      }
      case SeastarNic.LOCAL -> sink.deliver(ctx, event.arg0(), event.arg1(), now);
      case SeastarNic.STREAM -> streamPacket(ctx, event, sink);
      default ->
          throw new IllegalStateException(
              "idle-link SeaStar backend got event type " + event.type());
    }
  }

  // ------------------------------------------------------------------ IdleLinkTiming

  @Override
  public IdleLinkTiming idleLinkTiming() {
    return this;
  }

  @Override
  public long maxMessageBytes() {
    return params.packetBytes();
  }

  /**
   * Every packet is routed when the NIC takes the message (transmit), which the host hands it only
   * after its send overhead, and its head leaves only after the NIC's send processing: no node
   * hears from another sooner than the three plus one hop after the sending event. The engine
   * checks the bound on every send.
   */
  @Override
  public long lookaheadPs() {
    return params.hostSendOverheadPs() + params.nicSendProcessingPs() + params.hopLatencyPs();
  }

  @Override
  public MessageTiming messages(long bytes) {
    if (bytes < 0 || bytes > params.packetBytes()) {
      throw new IllegalArgumentException(
          "idle-link timing covers messages of one packet (<= "
              + params.packetBytes()
              + " B), not "
              + bytes
              + " B");
    }
    return new OnePacket(bytes);
  }

  /** One-packet messages of one size, their size-dependent durations worked out once. */
  private final class OnePacket implements MessageTiming {
    private final long bytes;
    private final long dmaPs;
    private final long serialisePs;

    OnePacket(long bytes) {
      this.bytes = bytes;
      this.dmaPs = nic.packetDmaPs(bytes);
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
      long head = nic.startDma(sourceNode, readyPs, dmaPs);
      arrivalPs[0] = route(sourceNode, destNode, serialisePs, head, head + dmaPs);
      arrivalPs[1] = lastTailInPs[sourceNode];
      return nic.dmaFreePs(sourceNode);
    }

    @Override
    public long receive(int destNode, long headPs, long tailPs) {
      return nic.receiveFirmware(destNode, nic.ejectPacket(destNode, dmaPs, headPs, tailPs));
    }
  }
}
