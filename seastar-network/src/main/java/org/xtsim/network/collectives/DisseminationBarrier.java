package org.xtsim.network.collectives;

/**
 * Barrier by dissemination (MPICH): ⌈lg p⌉ rounds; in round k rank i sends a zero-byte message to
 * (i + 2^k) mod p and receives one from (i − 2^k) mod p. Cost ⌈lg p⌉·α.
 */
public final class DisseminationBarrier implements CollectiveAlgorithm {
  @Override
  public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
    if (step >= CollectiveAlgorithm.ceilLog2(size)) {
      return DONE;
    }
    int dist = 1 << step;
    out.recv((rank - dist % size + size) % size, 0);
    out.send((rank + dist) % size, 0);
    return 2;
  }

  /** Round k: one message out to rank + 2^k and one in from rank − 2^k. */
  @Override
  public boolean matchedSteps() {
    return true;
  }

  @Override
  public String name() {
    return "barrier/dissemination";
  }
}
