package org.xtsim.workloads.noise;

import java.util.Arrays;

/**
 * Per-rank statistics of a noise benchmark's samples (quantum times for FWQ, granule counts for
 * FTQ): minimum, maximum and sum in primitive arrays indexed by rank (each rank writes only its own
 * entries), plus every sample of rank 0 for the distribution.
 */
final class QuantumStats {
  private final long[] min;
  private final long[] max;
  private final long[] sum;
  private final long[] rank0;
  private final int samples;

  QuantumStats(int ranks, int samples) {
    this.min = new long[ranks];
    this.max = new long[ranks];
    this.sum = new long[ranks];
    this.rank0 = new long[samples];
    this.samples = samples;
    Arrays.fill(min, Long.MAX_VALUE);
  }

  /** Records sample {@code index} (from 0) of {@code rank}. */
  void record(int rank, int index, long value) {
    min[rank] = Math.min(min[rank], value);
    max[rank] = Math.max(max[rank], value);
    sum[rank] += value;
    if (rank == 0) {
      rank0[index] = value;
    }
  }

  /** The smallest sample of any rank. */
  long min() {
    return Arrays.stream(min).min().orElse(0);
  }

  /** The largest sample of any rank. */
  long max() {
    return Arrays.stream(max).max().orElse(0);
  }

  /** The mean over every sample of every rank. */
  double mean() {
    double total = 0;
    for (long s : sum) {
      total += s;
    }
    return total / ((double) samples * sum.length);
  }

  /** Rank 0's samples, in order. */
  long[] rank0() {
    return rank0;
  }
}
