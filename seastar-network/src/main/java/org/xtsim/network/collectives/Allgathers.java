package org.xtsim.network.collectives;

/**
 * MPICH's allgather algorithms, {@code bytes} being each rank's contribution: recursive doubling (p
 * a power of two, short totals), Bruck (other p, short totals) and ring (long totals).
 */
public final class Allgathers {
  private Allgathers() {}

  /** lg p exchanges with rank ^ 2^k of 2^k contributions. */
  public static final CollectiveAlgorithm RECURSIVE_DOUBLING =
      new CollectiveAlgorithm() {
        @Override
        public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
          if ((1 << step) >= size) {
            return DONE;
          }
          int dst = rank ^ (1 << step);
          out.recv(dst, bytes << step);
          out.send(dst, bytes << step);
          return 2;
        }

        @Override
        public String name() {
          return "allgather/recursive-doubling";
        }
      };

  /**
   * ⌈lg p⌉ steps; in step k rank i sends min(2^k, p − 2^k) contributions to i − 2^k and receives as
   * many from i + 2^k.
   */
  public static final CollectiveAlgorithm BRUCK =
      new CollectiveAlgorithm() {
        @Override
        public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
          if (step >= CollectiveAlgorithm.ceilLog2(size)) {
            return DONE;
          }
          int dist = 1 << step;
          long count = Math.min(dist, size - dist) * bytes;
          out.recv((rank + dist) % size, count);
          out.send((rank - dist + size) % size, count);
          return 2;
        }

        @Override
        public String name() {
          return "allgather/bruck";
        }
      };

  /** p − 1 steps; each rank sends one contribution to its right and receives one from its left. */
  public static final CollectiveAlgorithm RING =
      new CollectiveAlgorithm() {
        @Override
        public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
          if (step >= size - 1) {
            return DONE;
          }
          out.recv((rank - 1 + size) % size, bytes);
          out.send((rank + 1) % size, bytes);
          return 2;
        }

        @Override
        public String name() {
          return "allgather/ring";
        }
      };
}
