package org.xtsim.network.collectives;

/**
 * Broadcast of long messages (MPICH): a binomial scatter of blocks of ⌈n/p⌉ bytes, then an
 * allgather, by recursive doubling ({@link #recursiveDoubling()}, medium messages on a power of
 * two) or around a ring ({@link #ring()}, long messages or other counts).
 */
public final class ScatterAllgatherBcast implements CollectiveAlgorithm {
  private final boolean ring;

  private ScatterAllgatherBcast(boolean ring) {
    this.ring = ring;
  }

  /** Scatter, then recursive-doubling allgather (p a power of two). */
  public static ScatterAllgatherBcast recursiveDoubling() {
    return new ScatterAllgatherBcast(false);
  }

  /** Scatter, then ring allgather. */
  public static ScatterAllgatherBcast ring() {
    return new ScatterAllgatherBcast(true);
  }

  /** Bytes of blocks [from, from + count) that exist, for blocks of {@code block} bytes. */
  private static long blockBytes(long from, long count, long block, long bytes) {
    return Math.max(0, Math.min(count * block, bytes - from * block));
  }

  @Override
  public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
    int rel = (rank - root + size) % size;
    long block = (bytes + size - 1) / size;
    int top = BinomialBcast.ceilPow2(size);
    int scatterSteps = Integer.numberOfTrailingZeros(top) + 1;
    if (step < scatterSteps) {
      int recvMask = rel == 0 ? top : Integer.lowestOneBit(rel);
      if (step == 0) {
        long recv = rel == 0 ? 0 : blockBytes(rel, recvMask, block, bytes);
        if (recv <= 0) {
          return 0;
        }
        out.recv((rel - recvMask + root) % size, recv);
        return 1;
      }
      int mask = recvMask >> step;
      if (mask == 0 || rel + mask >= size) {
        return 0;
      }
      long send = blockBytes(rel + mask, mask, block, bytes);
      if (send <= 0) {
        return 0;
      }
      out.send((rel + mask + root) % size, send);
      return 1;
    }
    int k = step - scatterSteps;
    if (ring) {
      if (k >= size - 1) {
        return DONE;
      }
      int j = (rel - k + size) % size;
      int jNext = (rel - k - 1 + size) % size;
      out.recv((rank - 1 + size) % size, blockBytes(jNext, 1, block, bytes));
      out.send((rank + 1) % size, blockBytes(j, 1, block, bytes));
      return 2;
    }
    if ((1 << k) >= size) {
      return DONE;
    }
    int mask = 1 << k;
    int relDst = rel ^ mask;
    long mine = blockBytes(rel & ~(mask - 1), mask, block, bytes);
    long theirs = blockBytes(relDst & ~(mask - 1), mask, block, bytes);
    int dst = (relDst + root) % size;
    out.recv(dst, theirs);
    out.send(dst, mine);
    return 2;
  }

  @Override
  public String name() {
    return ring ? "bcast/scatter-ring-allgather" : "bcast/scatter-doubling-allgather";
  }
}
