package org.xtsim.network.imb;

import org.xtsim.network.mpi.Mpi;
import org.xtsim.network.mpi.RankProgram;

/**
 * IMB PingPong between ranks 0 and 1: for each size, {@code repetitions} times rank 0 sends and
 * rank 1 sends back; the one-way time is half the average round trip. Other ranks do nothing. Rank
 * 0 records the times, so only rank 0's thread writes them.
 */
public final class PingPong implements RankProgram {
  private static final int TAG = 1;

  private final long[] sizes;
  private final int repetitions;
  private final long[] startPs;
  private final long[] endPs;
  private final int[] position = new int[2];

  /** Ping-pong over {@code sizes} bytes, {@code repetitions} round trips each. */
  public PingPong(long[] sizes, int repetitions) {
    if (sizes.length == 0 || repetitions <= 0) {
      throw new IllegalArgumentException("ping-pong needs at least one size and one repetition");
    }
    this.sizes = sizes.clone();
    this.repetitions = repetitions;
    this.startPs = new long[sizes.length];
    this.endPs = new long[sizes.length];
  }

  @Override
  public boolean next(int rank, Mpi mpi) {
    if (rank > 1) {
      return false;
    }
    int perSize = 2 * repetitions;
    int step = position[rank]++;
    int size = step / perSize;
    int within = step % perSize;
    if (rank == 0 && within == 0) {
      if (size > 0) {
        endPs[size - 1] = mpi.nowPs();
      }
      if (size < sizes.length) {
        startPs[size] = mpi.nowPs();
      }
    }
    if (size >= sizes.length) {
      return false;
    }
    boolean sending = (within % 2 == 0) == (rank == 0);
    if (sending) {
      mpi.send(1 - rank, TAG, sizes[size]);
    } else {
      mpi.recv(1 - rank, TAG, sizes[size]);
    }
    return true;
  }

  /** The sizes measured. */
  public long[] sizes() {
    return sizes.clone();
  }

  /** One-way time of size index {@code i}: half the mean round trip, in picoseconds. */
  public double oneWayPs(int i) {
    return (endPs[i] - startPs[i]) / (2.0 * repetitions);
  }

  /** Bandwidth of size index {@code i}: bytes / one-way time, in bytes per second. */
  public double bandwidthBytesPerSecond(int i) {
    return sizes[i] / (oneWayPs(i) * 1e-12);
  }
}
