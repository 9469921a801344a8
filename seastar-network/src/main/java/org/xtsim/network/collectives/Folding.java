package org.xtsim.network.collectives;

/**
 * MPICH's folding of a non-power-of-two count p onto p' = 2^⌊lg p⌋ ranks: with r = p − p', the even
 * ranks below 2r hand their data to the next odd rank and sit out; the others take new ranks
 * 0..p'−1. After the power-of-two part the odd ranks hand the result back.
 */
final class Folding {
  private Folding() {}

  /** The rank in the power-of-two group, or -1 for a rank that sits out. */
  static int newRank(int rank, int rem) {
    if (rank < 2 * rem) {
      return (rank & 1) == 0 ? -1 : rank / 2;
    }
    return rank - rem;
  }

  /** The real rank of group rank {@code newRank}. */
  static int realRank(int newRank, int rem) {
    return newRank < rem ? newRank * 2 + 1 : newRank + rem;
  }

  /** Step 0: fold; returns the operations posted. */
  static int fold(int rank, int rem, long bytes, StepPoster out) {
    if (rank >= 2 * rem) {
      return 0;
    }
    if ((rank & 1) == 0) {
      out.send(rank + 1, bytes);
    } else {
      out.recv(rank - 1, bytes);
      out.reduce(bytes);
    }
    return 1;
  }

  /** The last step: unfold; returns the operations posted. */
  static int unfold(int rank, int rem, long bytes, StepPoster out) {
    if (rank >= 2 * rem) {
      return 0;
    }
    if ((rank & 1) == 0) {
      out.recv(rank + 1, bytes);
    } else {
      out.send(rank - 1, bytes);
    }
    return 1;
  }
}
