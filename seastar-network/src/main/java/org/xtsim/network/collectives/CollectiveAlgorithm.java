package org.xtsim.network.collectives;

/**
 * One collective algorithm as a function of (rank, step). The MPI layer calls {@link #postStep}
 * with step 0, 1, 2, … waiting after each for the posted messages (and the reduction) to complete,
 * until it returns {@link #DONE}.
 */
public interface CollectiveAlgorithm {
  /** Returned by {@link #postStep} when the rank has finished the collective. */
  int DONE = -1;

  /**
   * Posts step {@code step} of {@code rank} in a collective over {@code size} ranks.
   *
   * @param root the root rank (ignored by rootless collectives)
   * @param bytes the message size argument of the collective
   * @return the number of operations posted (0 when the rank has nothing to do at this step), or
   *     {@link #DONE}
   */
  int postStep(int rank, int size, int root, long bytes, int step, StepPoster out);

  /**
   * True if, in every step, each rank receives at most one message and every message sent in a step
   * is received in that same step: the algorithm then runs in lockstep rounds, and the MPI layer
   * may evaluate it round by round in one pass (its dataflow timing).
   */
  default boolean matchedSteps() {
    return false;
  }

  /** A short name, e.g. {@code allreduce/recursive-doubling}. */
  String name();

  /** ⌈log2 p⌉ for p ≥ 1. */
  static int ceilLog2(int p) {
    return 32 - Integer.numberOfLeadingZeros(p - 1);
  }

  /** The largest power of two ≤ p. */
  static int floorPow2(int p) {
    return Integer.highestOneBit(p);
  }
}
