package org.xtsim.network.seastar;

import java.util.Objects;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.topology.Placement;
import org.xtsim.network.topology.Torus;

/**
 * A SeaStar machine: its mesh or torus, its timing, where ranks go, and how many cores a node has.
 *
 * @param torus the mesh or torus
 * @param params router, link, NIC and host timing
 * @param placement the order in which nodes receive ranks
 * @param coresPerNode cores per node: at most this many ranks per node
 */
public record SeastarSpec(Torus torus, SeastarParams params, Placement placement, int coresPerNode)
    implements NetworkSpec {

  /** Cores per node of Red Storm in 2005: single-core Opteron (Camp &amp; Tomkins). */
  public static final int REDSTORM_2005_CORES = 1;

  /** Cores per node after the 2006 upgrade: dual-core Opteron (Brightwell et al.). */
  public static final int REDSTORM_CORES = 2;

  /**
   * Heap per node when packets share links ({@link ContendedSeastarNetwork}), beyond the base of
   * {@link NetworkSpec#heapBytesPerNode}: six ports of free time, bytes and link id (120 B), and
   * six engine links with their latency and partition (about 200 B), with a margin of 2×.
   */
  public static final long LINK_CONTENTION_HEAP_BYTES_PER_NODE = 640;

  /**
   * Heap per packet in flight: an event slot and its heap entry (76 B), × 2 since the queue grows
   * by doubling.
   */
  public static final long HEAP_BYTES_PER_PACKET_IN_FLIGHT = 160;

  /** Validates. */
  public SeastarSpec {
    Objects.requireNonNull(torus, "torus");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(placement, "placement");
    if (coresPerNode <= 0) {
      throw new IllegalArgumentException("cores per node must be > 0, was " + coresPerNode);
    }
  }

  /**
   * A named machine with SeaStar 1.2 timing and contiguous placement: {@code redstorm-2005}, {@code
   * redstorm}, or {@code seastar2} (the {@code redstorm} mesh with SeaStar 2.1 NICs).
   */
  public static SeastarSpec preset(String name) {
    switch (name) {
      case Torus.REDSTORM_2005:
        return new SeastarSpec(
            Torus.preset(name),
            SeastarParams.seastar(),
            Placement.contiguous(),
            REDSTORM_2005_CORES);
      case Torus.REDSTORM:
        return new SeastarSpec(
            Torus.preset(name), SeastarParams.seastar(), Placement.contiguous(), REDSTORM_CORES);
      case "seastar2":
        return new SeastarSpec(
            Torus.preset(Torus.REDSTORM),
            SeastarParams.seastar2(),
            Placement.contiguous(),
            REDSTORM_CORES);
      default:
        throw new IllegalArgumentException(
            "unknown preset '" + name + "' (allowed: redstorm-2005, redstorm, seastar2)");
    }
  }

  /** A copy on another mesh or torus. */
  public SeastarSpec withTorus(Torus t) {
    return new SeastarSpec(t, params, placement, coresPerNode);
  }

  /** A copy with another placement. */
  public SeastarSpec withPlacement(Placement p) {
    return new SeastarSpec(torus, params, p, coresPerNode);
  }

  /** A copy with other timing. */
  public SeastarSpec withParams(SeastarParams p) {
    return new SeastarSpec(torus, p, placement, coresPerNode);
  }

  @Override
  public int[] place(int ranks, int ranksPerNode) {
    if (ranksPerNode > coresPerNode) {
      throw new IllegalArgumentException(
          ranksPerNode
              + " ranks per node is more than the "
              + coresPerNode
              + " cores of a node (more ranks than cores)");
    }
    if ((long) ranks > (long) torus.nodes() * ranksPerNode) {
      throw new IllegalArgumentException(
          ranks
              + " ranks do not fit on "
              + torus.nodes()
              + " nodes at "
              + ranksPerNode
              + " per node (more ranks than cores)");
    }
    return placement.rankToNode(torus, ranks, ranksPerNode);
  }

  /**
   * The model {@code params} ask for: {@link ContendedSeastarNetwork} with link contention, {@link
   * IdleLinkSeastarNetwork} without.
   */
  @Override
  public NetworkModel create(int[] rankToNode) {
    return params.linkContention()
        ? new ContendedSeastarNetwork(torus, params, rankToNode)
        : new IdleLinkSeastarNetwork(torus, params, rankToNode);
  }

  /**
   * With link contention, the router ports of {@link ContendedSeastarNetwork} and its engine links
   * ({@link #LINK_CONTENTION_HEAP_BYTES_PER_NODE}); with or without, the events of the packets in
   * flight ({@link #HEAP_BYTES_PER_PACKET_IN_FLIGHT} each), one per packet of the bytes in flight
   * rounded up. Large messages make the packets dominate: CTH's six 800 KB faces are 75 pending
   * events per rank with 64 KiB packets, 1,200 with the SeaStar's 4 KiB (measured: 5.9 KB per node
   * retained at 12,960 nodes with 64 KiB packets). The NIC's and the idle-link route's few {@code
   * long}s per node are within the base.
   */
  @Override
  public long heapBytesPerNode(long sendBytesInFlightPerNode) {
    long packet = params.packetBytes();
    long packetsInFlight = (sendBytesInFlightPerNode + packet - 1) / packet;
    long ports = params.linkContention() ? LINK_CONTENTION_HEAP_BYTES_PER_NODE : 0;
    return ports + packetsInFlight * HEAP_BYTES_PER_PACKET_IN_FLIGHT;
  }
}
