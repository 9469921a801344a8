package org.xtsim.experiments.simulation;

import java.util.Locale;
import org.xtsim.network.NetworkSpec;

/**
 * The heap a point needs, estimated before anything is built, so that a machine too large for this
 * JVM is refused with the estimate and the {@code -Xmx} it needs instead of failing with an {@link
 * OutOfMemoryError} minutes into a run.
 *
 * <p>The estimate is a fixed part (class data, the node model's shared calibration tables, result
 * histograms and the JVM's own headroom) plus a part per simulated node: a base that every network
 * needs (the rank table, request pool, event-queue slots, network NIC state, interruption state and
 * engine component state) and what the network adds, which its spec reports ({@link
 * NetworkSpec#heapBytesPerNode}: SeaStar's router ports with link contention and its packets in
 * flight). The base is the retained heap that {@code xtsim bench scale} measures (about 0.5–1 KB
 * per node from 16,384 to 131,072 nodes, results/benchmarks/scale.md) with a margin of 2×, since
 * queues and pools grow by doubling.
 *
 * @param nodes simulated nodes
 * @param bytes estimated heap, bytes
 */
public record HeapEstimate(int nodes, long bytes) {
  /**
   * Heap needed whatever the machine size: calibration tables, classes' objects and histograms
   * (measured about 3 MB: 2,967 B per node retained at 1,024 nodes; whole runs of 1,024 to 16,384
   * nodes peak at 13 to 27 MiB) plus headroom for the collector's young generation: 32 MiB
   * (<b>assumption</b>). It was 256 MiB, which refused even a 1-node run under {@code -Xmx256m}.
   */
  public static final long FIXED_BYTES = 32L << 20;

  /**
   * Heap per node whatever the network, before what it adds: 2 × the measured ≤ 1 KB with idle-link
   * SeaStar timing or LogGP.
   */
  public static final long BYTES_PER_NODE = 2048;

  /**
   * The estimate for {@code nodes} nodes on {@code network}, whose ranks each have at most {@code
   * sendBytesInFlightPerRank} bytes of messages in flight (see {@code
   * Workload.peakSendBytesPerRank}); points run one rank per node, so that is also per node.
   */
  public static HeapEstimate of(int nodes, NetworkSpec network, long sendBytesInFlightPerRank) {
    long perNode = BYTES_PER_NODE + network.heapBytesPerNode(sendBytesInFlightPerRank);
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
