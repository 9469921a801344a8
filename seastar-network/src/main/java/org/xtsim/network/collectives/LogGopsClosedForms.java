package org.xtsim.network.collectives;

import org.xtsim.network.loggp.LogGopsParams;

/**
 * Completion times of MPICH's collectives on a LogGOPS network without contention, for eager
 * messages, from the rules of {@link org.xtsim.network.loggp.LogGopsNetwork}: one round in which
 * every rank sends s bytes to one peer and receives s bytes from another takes
 *
 * <pre>
 *   R(s, r) = o + L + (s−1)·G   (the message reaches its peer)
 *           + o + (s−1)·O       (the peer takes it)
 *           + γ·r               (and reduces r bytes)
 * </pre>
 *
 * provided the NIC gaps never bind ({@code 2o + L ≥ g}) and a receive never waits for its own
 * send's per-byte CPU time ({@code O ≤ G}); {@link #check} enforces both. A blocking send in a tree
 * takes σ = max(o + (s−1)·O, g + (s−1)·G) before the next one may start.
 *
 * <p>These are independent of the simulator: the tests compare the simulated times with them.
 */
public final class LogGopsClosedForms {
  private final LogGopsParams p;
  private final double reducePsPerByte;

  /** Closed forms for {@code params} with reduction cost γ = {@code reducePsPerByte}. */
  public LogGopsClosedForms(LogGopsParams params, double reducePsPerByte) {
    this.p = params;
    this.reducePsPerByte = reducePsPerByte;
    check(params);
  }

  /** Throws unless the gaps never bind (see the class comment). */
  public static void check(LogGopsParams params) {
    if (2 * params.overheadPs() + params.latencyPs() < params.gapPs()) {
      throw new IllegalArgumentException("closed forms need 2o + L >= g");
    }
    if (params.overheadPerBytePs() > params.gapPerBytePs()) {
      throw new IllegalArgumentException("closed forms need O <= G");
    }
  }

  private static long perByte(long bytes) {
    return Math.max(0, bytes - 1);
  }

  /** One exchange round: s bytes each way, then a reduction of r bytes. */
  public long round(long s, long r) {
    return 2 * p.overheadPs()
        + p.latencyPs()
        + perByte(s) * (p.gapPerBytePs() + p.overheadPerBytePs())
        + Math.round(r * reducePsPerByte);
  }

  /** Dissemination barrier: ⌈lg p⌉·(2o + L). */
  public long barrier(int size) {
    return CollectiveAlgorithm.ceilLog2(size) * round(0, 0);
  }

  /** Recursive-doubling allreduce, p a power of two: lg p·R(n, n). */
  public long allreduceRecursiveDoubling(int size, long bytes) {
    requirePow2(size);
    return Integer.numberOfTrailingZeros(size) * round(bytes, bytes);
  }

  /**
   * Rabenseifner allreduce, p a power of two dividing n: Σ_k R(n/2^k, n/2^k) over the
   * reduce-scatter plus Σ_k R(n·2^(k−1)/p, 0) over the allgather.
   */
  public long allreduceRabenseifner(int size, long bytes) {
    requirePow2(size);
    if (bytes % size != 0) {
      throw new IllegalArgumentException("closed form needs p to divide n");
    }
    int rounds = Integer.numberOfTrailingZeros(size);
    long t = 0;
    for (int k = 1; k <= rounds; k++) {
      t += round(bytes >> k, bytes >> k);
    }
    for (int k = 1; k <= rounds; k++) {
      long s = (bytes / size) << (k - 1);
      t += round(s, 0);
    }
    return t;
  }

  /** Binomial reduce, p a power of two: lg p·R(n, n). */
  public long reduceBinomial(int size, long bytes) {
    return allreduceRecursiveDoubling(size, bytes);
  }

  /**
   * Binomial broadcast, any p: rank q receives at D(q) = S + o + L + (n−1)·G + o + (n−1)·O, where S
   * is when its parent started the send, parents sending to their children one after the other
   * every σ; the result is the latest of the leaves' receipts and the parents' last sends.
   */
  public long bcastBinomial(int size, long bytes) {
    return bcastFrom(0, BinomialBcast.ceilPow2(size), 0, size, bytes);
  }

  private long bcastFrom(int rel, int recvMask, long readyPs, int size, long bytes) {
    long sendCpu = p.overheadPs() + perByte(bytes) * p.overheadPerBytePs();
    long sigma = Math.max(sendCpu, p.gapPs() + perByte(bytes) * p.gapPerBytePs());
    long latest = readyPs;
    long start = readyPs;
    for (int mask = recvMask >> 1; mask > 0; mask >>= 1) {
      if (rel + mask >= size) {
        continue;
      }
      long childReady = start + round(bytes, 0);
      latest = Math.max(latest, bcastFrom(rel + mask, mask, childReady, size, bytes));
      latest = Math.max(latest, start + sendCpu);
      start += sigma;
    }
    return latest;
  }

  /** Allgather of n bytes per rank with the algorithm MPICH picks. */
  public long allgather(int size, long bytes) {
    CollectiveAlgorithm a = MpichSelector.select(Collective.ALLGATHER, size, bytes);
    long t = 0;
    if (a == Allgathers.RING) {
      return (size - 1) * round(bytes, 0);
    }
    for (int k = 0; k < CollectiveAlgorithm.ceilLog2(size); k++) {
      long dist = 1L << k;
      long count = a == Allgathers.BRUCK ? Math.min(dist, size - dist) : dist;
      t += round(count * bytes, 0);
    }
    return t;
  }

  /** All-to-all of n bytes per pair with the algorithm MPICH picks. */
  public long alltoall(int size, long bytes) {
    CollectiveAlgorithm a = MpichSelector.select(Collective.ALLTOALL, size, bytes);
    if (a == Alltoalls.PAIRWISE) {
      return (size - 1) * round(bytes, 0);
    }
    long t = 0;
    for (int k = 0; k < CollectiveAlgorithm.ceilLog2(size); k++) {
      t += round(Alltoalls.bruckBlocks(size, k) * bytes, 0);
    }
    return t;
  }

  private static void requirePow2(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("closed form needs p a power of two, was " + size);
    }
  }
}
