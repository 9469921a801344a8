package org.xtsim.network.collectives;

/**
 * MPICH's all-to-all algorithms, {@code bytes} being what each rank sends to each other: Bruck
 * (short messages, p ≥ 8) and pairwise exchange. MPICH's medium-size variant, which posts all p − 1
 * sends and receives at once, is replaced by the pairwise exchange here so that a rank never holds
 * more than two requests.
 */
public final class Alltoalls {
  private Alltoalls() {}

  /** Contributions i in [0, p) with bit k set: what Bruck's step k sends. */
  static long bruckBlocks(int size, int step) {
    long dist = 1L << step;
    long full = (size >> (step + 1)) * dist;
    long partial = Math.max(0, (size & (2 * dist - 1)) - dist);
    return full + partial;
  }

  /** ⌈lg p⌉ steps; step k sends the blocks whose index has bit k set to i + 2^k. */
  public static final CollectiveAlgorithm BRUCK =
      new CollectiveAlgorithm() {
        @Override
        public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
          if (step >= CollectiveAlgorithm.ceilLog2(size)) {
            return DONE;
          }
          int dist = 1 << step;
          long count = bruckBlocks(size, step) * bytes;
          out.recv((rank - dist + size) % size, count);
          out.send((rank + dist) % size, count);
          return 2;
        }

        @Override
        public String name() {
          return "alltoall/bruck";
        }
      };

  /**
   * p − 1 steps; step i exchanges with rank ^ i when p is a power of two, else sends to i + rank
   * and receives from rank − i.
   */
  public static final CollectiveAlgorithm PAIRWISE =
      new CollectiveAlgorithm() {
        @Override
        public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
          int i = step + 1;
          if (i >= size) {
            return DONE;
          }
          boolean pow2 = Integer.bitCount(size) == 1;
          int dst = pow2 ? rank ^ i : (rank + i) % size;
          int src = pow2 ? rank ^ i : (rank - i + size) % size;
          out.recv(src, bytes);
          out.send(dst, bytes);
          return 2;
        }

        @Override
        public String name() {
          return "alltoall/pairwise";
        }
      };
}
