package org.xtsim.network.loggp;

import org.xtsim.engine.SimTime;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.seastar.SeastarParams;

/**
 * LogGOPS parameters (Alexandrov et al., "LogGP", SPAA 1995; Hoefler et al., HPDC 2010). Any number
 * of ranks may share a node ({@code ranksPerNode}); nodes are numbered in rank order.
 *
 * @param latencyPs L: wire latency, &gt; 0 (it is the engine's lookahead)
 * @param overheadPs o: CPU time per message, at the sender and at the receiver
 * @param gapPs g: least time between two message injections (or receptions) at one NIC
 * @param gapPerBytePs G: time per byte after the first, at the NIC
 * @param overheadPerBytePs O: CPU time per byte after the first
 * @param eagerThresholdBytes S: messages above this use rendezvous
 */
public record LogGopsParams(
    long latencyPs,
    long overheadPs,
    long gapPs,
    long gapPerBytePs,
    long overheadPerBytePs,
    long eagerThresholdBytes)
    implements NetworkSpec {

  /** Default L: 2.5 µs (the CLI example of the issue; an assumption, sweep it). */
  public static final long DEFAULT_LATENCY_PS = SimTime.us(2.5);

  /** Default o: 1.5 µs (assumption). */
  public static final long DEFAULT_OVERHEAD_PS = SimTime.us(1.5);

  /** Default g: 1 µs (assumption). */
  public static final long DEFAULT_GAP_PS = SimTime.us(1.0);

  /**
   * Default G: the SeaStar 1.2 NIC's sustained rate as time per byte ({@link
   * SeastarParams#SEASTAR_NIC_BANDWIDTH}, 889 ps per byte at 1.125 GB/s).
   */
  public static final long DEFAULT_GAP_PER_BYTE_PS =
      Math.round(SimTime.PS_PER_SECOND / SeastarParams.SEASTAR_NIC_BANDWIDTH);

  /** Default O: 0 (no per-byte CPU cost). */
  public static final long DEFAULT_OVERHEAD_PER_BYTE_PS = 0;

  /** Default S: 65,536 bytes (assumption; LogGOPSim's examples use 65 KB). */
  public static final long DEFAULT_EAGER_THRESHOLD_BYTES = 65_536;

  /** Validates. */
  public LogGopsParams {
    if (latencyPs <= 0) {
      throw new IllegalArgumentException("LogGOPS L must be > 0 ps, was " + latencyPs);
    }
    nonNegative("o", overheadPs);
    nonNegative("g", gapPs);
    nonNegative("G", gapPerBytePs);
    nonNegative("O", overheadPerBytePs);
    nonNegative("S", eagerThresholdBytes);
  }

  private static void nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("LogGOPS " + name + " must be >= 0, was " + value);
    }
  }

  /** The defaults above. */
  public static LogGopsParams defaults() {
    return new LogGopsParams(
        DEFAULT_LATENCY_PS,
        DEFAULT_OVERHEAD_PS,
        DEFAULT_GAP_PS,
        DEFAULT_GAP_PER_BYTE_PS,
        DEFAULT_OVERHEAD_PER_BYTE_PS,
        DEFAULT_EAGER_THRESHOLD_BYTES);
  }

  /** A copy with another L. */
  public LogGopsParams withLatencyPs(long l) {
    return new LogGopsParams(
        l, overheadPs, gapPs, gapPerBytePs, overheadPerBytePs, eagerThresholdBytes);
  }

  /** A copy with another o. */
  public LogGopsParams withOverheadPs(long o) {
    return new LogGopsParams(
        latencyPs, o, gapPs, gapPerBytePs, overheadPerBytePs, eagerThresholdBytes);
  }

  /** A copy with another g. */
  public LogGopsParams withGapPs(long g) {
    return new LogGopsParams(
        latencyPs, overheadPs, g, gapPerBytePs, overheadPerBytePs, eagerThresholdBytes);
  }

  /** A copy with another G. */
  public LogGopsParams withGapPerBytePs(long bigG) {
    return new LogGopsParams(
        latencyPs, overheadPs, gapPs, bigG, overheadPerBytePs, eagerThresholdBytes);
  }

  /** A copy with another O. */
  public LogGopsParams withOverheadPerBytePs(long bigO) {
    return new LogGopsParams(latencyPs, overheadPs, gapPs, gapPerBytePs, bigO, eagerThresholdBytes);
  }

  /** A copy with another S. */
  public LogGopsParams withEagerThresholdBytes(long s) {
    return new LogGopsParams(latencyPs, overheadPs, gapPs, gapPerBytePs, overheadPerBytePs, s);
  }

  /** CPU time for a message of {@code bytes}: o + (s−1)·O. */
  public long cpuPs(long bytes) {
    return overheadPs + Math.max(0, bytes - 1) * overheadPerBytePs;
  }

  /** NIC occupancy for a message of {@code bytes}: g + (s−1)·G. */
  public long nicPs(long bytes) {
    return gapPs + Math.max(0, bytes - 1) * gapPerBytePs;
  }

  /** Time on the wire after the host overhead: L + (s−1)·G. */
  public long wirePs(long bytes) {
    return latencyPs + Math.max(0, bytes - 1) * gapPerBytePs;
  }

  @Override
  public int[] place(int ranks, int ranksPerNode) {
    if (ranks <= 0 || ranksPerNode <= 0) {
      throw new IllegalArgumentException(
          "ranks and ranks per node must be > 0, were " + ranks + " and " + ranksPerNode);
    }
    int[] node = new int[ranks];
    for (int r = 0; r < ranks; r++) {
      node[r] = r / ranksPerNode;
    }
    return node;
  }

  @Override
  public NetworkModel create(int[] rankToNode) {
    return new LogGopsNetwork(this, rankToNode[rankToNode.length - 1] + 1);
  }

  /**
   * Nothing beyond the base: the NIC's two gap times per node (16 B) are within it, and a message
   * in flight is one event however large it is, not one per packet.
   */
  @Override
  public long heapBytesPerNode(long sendBytesInFlightPerNode) {
    return 0;
  }
}
