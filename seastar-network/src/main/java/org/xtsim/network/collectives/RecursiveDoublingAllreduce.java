package org.xtsim.network.collectives;

/**
 * Allreduce by recursive doubling (MPICH, messages up to 2 KB): fold to a power of two, then lg p'
 * exchanges of the whole buffer with rank ^ 2^k, each followed by a reduction, then unfold. Cost
 * ⌈lg p⌉·α + n·⌈lg p⌉·(β + γ) for a power of two.
 */
public final class RecursiveDoublingAllreduce implements CollectiveAlgorithm {
  @Override
  public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
    int pof2 = CollectiveAlgorithm.floorPow2(size);
    int rem = size - pof2;
    int rounds = Integer.numberOfTrailingZeros(pof2);
    if (step == 0) {
      return Folding.fold(rank, rem, bytes, out);
    }
    if (step <= rounds) {
      int newRank = Folding.newRank(rank, rem);
      if (newRank < 0) {
        return 0;
      }
      int dst = Folding.realRank(newRank ^ (1 << (step - 1)), rem);
      out.recv(dst, bytes);
      out.send(dst, bytes);
      out.reduce(bytes);
      return 2;
    }
    if (step == rounds + 1) {
      return Folding.unfold(rank, rem, bytes, out);
    }
    return DONE;
  }

  /** Fold and unfold pair ranks within a step; each exchange round pairs rank with rank ^ 2^k. */
  @Override
  public boolean matchedSteps() {
    return true;
  }

  @Override
  public String name() {
    return "allreduce/recursive-doubling";
  }
}
