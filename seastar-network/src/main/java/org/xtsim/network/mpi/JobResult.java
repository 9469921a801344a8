package org.xtsim.network.mpi;

import java.util.Arrays;
import org.xtsim.engine.RunStatistics;

/**
 * What an MPI job did: when each rank finished, engine statistics and, on a network with links, the
 * bytes each link carried.
 */
public final class JobResult {
  private final long[] finishPs;
  private final int[] rankToNode;
  private final RunStatistics statistics;
  private final long[] linkBytes;
  private final double linkBandwidth;

  JobResult(
      long[] finishPs,
      int[] rankToNode,
      RunStatistics statistics,
      long[] linkBytes,
      double linkBandwidth) {
    this.finishPs = finishPs;
    this.rankToNode = rankToNode;
    this.statistics = statistics;
    this.linkBytes = linkBytes;
    this.linkBandwidth = linkBandwidth;
  }

  /** When the last rank finished, in picoseconds. */
  public long completionPs() {
    long max = 0;
    for (long t : finishPs) {
      max = Math.max(max, t);
    }
    return max;
  }

  /** Number of ranks. */
  public int ranks() {
    return finishPs.length;
  }

  /** The node rank {@code rank} ran on. */
  public int nodeOf(int rank) {
    return rankToNode[rank];
  }

  /** When rank {@code rank} finished. */
  public long finishPs(int rank) {
    return finishPs[rank];
  }

  /** A copy of every rank's finish time (for histograms). */
  public long[] finishTimesPs() {
    return finishPs.clone();
  }

  /** Engine statistics: committed events, wall time, threads. */
  public RunStatistics statistics() {
    return statistics;
  }

  /** Committed events. */
  public long events() {
    return statistics.committedEvents();
  }

  /** Wall-clock nanoseconds of the run. */
  public long wallNanos() {
    return statistics.wallNanos();
  }

  /** Whether per-link figures exist (SeaStar). */
  public boolean hasLinks() {
    return linkBytes.length > 0;
  }

  /** Bytes that link ({@code node}, {@code port}) carried; ports as in {@code Torus}. */
  public long linkBytes(int node, int port) {
    return linkBytes[node * 6 + port];
  }

  /**
   * Utilisation of link ({@code node}, {@code port}) over the job: bytes carried / (bandwidth ×
   * completion time), in [0, 1].
   */
  public double linkUtilisation(int node, int port) {
    long t = completionPs();
    return t == 0 ? 0 : linkBytes(node, port) / (linkBandwidth * t * 1e-12);
  }

  /** The highest utilisation of any link. */
  public double maxLinkUtilisation() {
    long max = Arrays.stream(linkBytes).max().orElse(0);
    long t = completionPs();
    return t == 0 ? 0 : max / (linkBandwidth * t * 1e-12);
  }
}
