package org.xtsim.experiments.simulation;

import java.util.Locale;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.seastar.SeastarSpec;

/**
 * The heap a point needs, estimated before anything is built, so that a machine too large for this
 * JVM is refused with the estimate and the {@code -Xmx} it needs instead of failing with an {@link
 * OutOfMemoryError} minutes into a run.
 *
 * <p>The estimate is a fixed part (class data, the node model's shared calibration tables, result
 * histograms and the JVM's own headroom) plus a part per simulated node: the rank table, request
 * pool, event-queue slots, network NIC state, interruption state and engine component state. The
 * per-node figures are the retained heap that {@code xtsim bench scale} measures (about 0.5–1 KB
 * per node from 16,384 to 131,072 nodes, results/benchmarks/scale.md) with a margin of 2×, since
 * queues and pools grow by doubling; with link contention every node also keeps six router ports
 * (free time, bytes, link id) and the engine's links. Large messages add their packets in flight:
 * CTH's six 800 KB faces are 75 pending events per rank with 64 KiB packets, 1,200 with the
 * SeaStar's 4 KiB (measured: 5.9 KB per node retained at 12,960 nodes with 64 KiB packets).
 *
 * @param nodes simulated nodes
 * @param bytes estimated heap, bytes
 */
public record HeapEstimate(int nodes, long bytes) {
  /**
   * Heap needed whatever the machine size: calibration tables, classes and histograms (measured
   * about 3 MB: 2,967 B per node retained at 1,024 nodes) plus headroom for the collector's young
   * generation (<b>assumption</b>).
   */
  public static final long FIXED_BYTES = 256L << 20;

  /** Heap per node with idle-link SeaStar timing or LogGP: 2 × the measured ≤ 1 KB. */
  public static final long BYTES_PER_NODE = 2048;

  /**
   * Extra heap per node when packets share links: six ports of free time, bytes and link id (120
   * B), and six engine links with their latency and partition (about 200 B), with a margin of 2×.
   */
  public static final long LINK_CONTENTION_BYTES_PER_NODE = 640;

  /**
   * Heap per packet in flight: an event slot and its heap entry (76 B), × 2 since the queue grows
   * by doubling.
   */
  public static final long BYTES_PER_PACKET_IN_FLIGHT = 160;

  /**
   * The estimate for {@code nodes} nodes on {@code network}, whose ranks each have at most {@code
   * sendBytesInFlightPerRank} bytes of messages in flight (see {@code
   * Workload.peakSendBytesPerRank}).
   */
  public static HeapEstimate of(int nodes, NetworkSpec network, long sendBytesInFlightPerRank) {
    long perNode = BYTES_PER_NODE;
    if (network instanceof SeastarSpec seastar) {
      if (seastar.params().linkContention()) {
        perNode += LINK_CONTENTION_BYTES_PER_NODE;
      }
      long packet = seastar.params().packetBytes();
      perNode += (sendBytesInFlightPerRank + packet - 1) / packet * BYTES_PER_PACKET_IN_FLIGHT;
    }
    return new HeapEstimate(nodes, FIXED_BYTES + perNode * nodes);
  }

  /** Whether the estimate fits in a heap of {@code maxHeapBytes}. */
  public boolean fits(long maxHeapBytes) {
    return bytes <= maxHeapBytes;
  }

  /**
   * Throws unless the estimate fits.
   *
   * @throws IllegalArgumentException with the estimate, the heap there is and the -Xmx to use
   */
  public void requireFits(long maxHeapBytes) {
    if (!fits(maxHeapBytes)) {
      throw new IllegalArgumentException(problem(maxHeapBytes));
    }
  }

  /** Why the estimate does not fit, with the {@code -Xmx} it needs. */
  public String problem(long maxHeapBytes) {
    long gib = (bytes + (1L << 30) - 1) >> 30;
    return String.format(
        Locale.ROOT,
        "%,d nodes need about %s of heap (estimate), but this JVM has at most %s;"
            + " run with -Xmx%dg or more (scripts/xtsim: XTSIM_JAVA_OPTS=\"-Xmx%dg"
            + " -XX:+UseParallelGC -XX:-UseCompressedOops\"), or simulate fewer nodes",
        nodes,
        format(bytes),
        format(maxHeapBytes),
        gib,
        gib);
  }

  /** Bytes as MiB or GiB with one decimal. */
  public static String format(long bytes) {
    return bytes >= (1L << 30)
        ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
  }
}
