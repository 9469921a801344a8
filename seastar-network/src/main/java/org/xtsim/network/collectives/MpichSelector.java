package org.xtsim.network.collectives;

/**
 * Picks a collective's algorithm as MPICH (ca. 2005, the base of Cray's MPI) does, by operation,
 * process count and message size. Thresholds are named defaults from MPICH's {@code src/mpi/coll/}
 * (parameters.md); elements are taken to be 8-byte doubles.
 */
public final class MpichSelector {
  /** Allreduce: recursive doubling up to this many bytes, Rabenseifner above. */
  public static final long ALLREDUCE_SHORT_BYTES = 2048;

  /** Bcast: binomial below this many bytes (MPICH {@code MPIR_BCAST_SHORT_MSG}). */
  public static final long BCAST_SHORT_BYTES = 12_288;

  /** Bcast: scatter + ring allgather from this many bytes (MPICH {@code MPIR_BCAST_LONG_MSG}). */
  public static final long BCAST_LONG_BYTES = 524_288;

  /** Bcast: binomial below this many processes (MPICH {@code MPIR_BCAST_MIN_PROCS}). */
  public static final int BCAST_MIN_PROCS = 8;

  /**
   * Allgather: recursive doubling / Bruck below this total (MPICH {@code MPIR_ALLGATHER_LONG_MSG}).
   */
  public static final long ALLGATHER_LONG_BYTES = 524_288;

  /**
   * Allgather: Bruck for non-powers of two below this total (MPICH {@code
   * MPIR_ALLGATHER_SHORT_MSG}).
   */
  public static final long ALLGATHER_SHORT_BYTES = 81_920;

  /** Alltoall: Bruck up to this many bytes per pair (MPICH {@code MPIR_ALLTOALL_SHORT_MSG}). */
  public static final long ALLTOALL_SHORT_BYTES = 256;

  /** Alltoall: Bruck only from this many processes. */
  public static final int ALLTOALL_MIN_PROCS = 8;

  /** Size of one element, for MPICH's "count &lt; pof2" test. */
  public static final long ELEMENT_BYTES = 8;

  private static final CollectiveAlgorithm RECURSIVE_DOUBLING = new RecursiveDoublingAllreduce();
  private static final CollectiveAlgorithm RABENSEIFNER = new RabenseifnerAllreduce();
  private static final CollectiveAlgorithm DISSEMINATION = new DisseminationBarrier();
  private static final CollectiveAlgorithm BINOMIAL_BCAST = new BinomialBcast();
  private static final CollectiveAlgorithm SCATTER_DOUBLING =
      ScatterAllgatherBcast.recursiveDoubling();
  private static final CollectiveAlgorithm SCATTER_RING = ScatterAllgatherBcast.ring();
  private static final CollectiveAlgorithm BINOMIAL_REDUCE = new BinomialReduce();

  /** Every algorithm, indexed by {@link #id}. */
  private static final CollectiveAlgorithm[] ALL = {
    RECURSIVE_DOUBLING,
    RABENSEIFNER,
    DISSEMINATION,
    BINOMIAL_BCAST,
    SCATTER_DOUBLING,
    SCATTER_RING,
    BINOMIAL_REDUCE,
    Allgathers.RECURSIVE_DOUBLING,
    Allgathers.BRUCK,
    Allgathers.RING,
    Alltoalls.BRUCK,
    Alltoalls.PAIRWISE
  };

  private MpichSelector() {}

  /** The algorithm MPICH uses for {@code op} over {@code size} ranks with {@code bytes}. */
  public static CollectiveAlgorithm select(Collective op, int size, long bytes) {
    boolean pow2 = Integer.bitCount(size) == 1;
    switch (op) {
      case ALLREDUCE:
        return bytes <= ALLREDUCE_SHORT_BYTES
                || bytes / ELEMENT_BYTES < CollectiveAlgorithm.floorPow2(size)
            ? RECURSIVE_DOUBLING
            : RABENSEIFNER;
      case BARRIER:
        return DISSEMINATION;
      case BCAST:
        if (bytes < BCAST_SHORT_BYTES || size < BCAST_MIN_PROCS) {
          return BINOMIAL_BCAST;
        }
        return bytes < BCAST_LONG_BYTES && pow2 ? SCATTER_DOUBLING : SCATTER_RING;
      case REDUCE:
        return BINOMIAL_REDUCE;
      case ALLGATHER:
        long total = bytes * size;
        if (total < ALLGATHER_LONG_BYTES && pow2) {
          return Allgathers.RECURSIVE_DOUBLING;
        }
        return total < ALLGATHER_SHORT_BYTES ? Allgathers.BRUCK : Allgathers.RING;
      case ALLTOALL:
        return bytes <= ALLTOALL_SHORT_BYTES && size >= ALLTOALL_MIN_PROCS
            ? Alltoalls.BRUCK
            : Alltoalls.PAIRWISE;
      default:
        throw new IllegalArgumentException("unknown collective " + op);
    }
  }

  /** A small id for an algorithm, to keep in per-rank state. */
  public static int id(CollectiveAlgorithm algorithm) {
    for (int i = 0; i < ALL.length; i++) {
      if (ALL[i] == algorithm) {
        return i;
      }
    }
    throw new IllegalArgumentException("not an MPICH algorithm: " + algorithm.name());
  }

  /** The algorithm of an {@link #id}. */
  public static CollectiveAlgorithm byId(int id) {
    return ALL[id];
  }
}
