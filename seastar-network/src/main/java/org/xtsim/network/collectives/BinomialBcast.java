package org.xtsim.network.collectives;

/**
 * Broadcast down a binomial tree (MPICH, short messages): with relative rank q = (rank − root) mod
 * p, a rank receives from q − lowbit(q), then sends to q + m for m = lowbit(q)/2, /4, …, 1 (the
 * root: from the largest power of two below p down to 1) where q + m &lt; p. Cost ⌈lg p⌉·(α + n·β).
 */
public final class BinomialBcast implements CollectiveAlgorithm {
  @Override
  public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
    int rel = (rank - root + size) % size;
    int recvMask = rel == 0 ? ceilPow2(size) : Integer.lowestOneBit(rel);
    if (step == 0) {
      if (rel == 0) {
        return 0;
      }
      out.recv((rel - recvMask + root) % size, bytes);
      return 1;
    }
    int mask = step >= 31 ? 0 : recvMask >> step;
    if (mask == 0) {
      return DONE;
    }
    if (rel + mask >= size) {
      return 0;
    }
    out.send((rel + mask + root) % size, bytes);
    return 1;
  }

  static int ceilPow2(int p) {
    return p <= 1 ? 1 : Integer.highestOneBit(p - 1) << 1;
  }

  @Override
  public String name() {
    return "bcast/binomial";
  }
}
