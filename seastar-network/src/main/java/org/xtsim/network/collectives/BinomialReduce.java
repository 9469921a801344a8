package org.xtsim.network.collectives;

/**
 * Reduce up a binomial tree (MPICH): with relative rank q, for masks 1, 2, 4, …: if q has the mask
 * bit, send the partial result to q − mask and stop; otherwise receive from q + mask (if it exists)
 * and reduce. Cost ⌈lg p⌉·(α + n·β + n·γ).
 */
public final class BinomialReduce implements CollectiveAlgorithm {
  @Override
  public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
    if (step >= 31) {
      return DONE;
    }
    int rel = (rank - root + size) % size;
    int mask = 1 << step;
    if ((rel & (mask - 1)) != 0 || mask >= size) {
      return DONE;
    }
    if ((rel & mask) != 0) {
      out.send((rel - mask + root) % size, bytes);
      return 1;
    }
    if (rel + mask >= size) {
      return 0;
    }
    out.recv((rel + mask + root) % size, bytes);
    out.reduce(bytes);
    return 1;
  }

  @Override
  public String name() {
    return "reduce/binomial";
  }
}
