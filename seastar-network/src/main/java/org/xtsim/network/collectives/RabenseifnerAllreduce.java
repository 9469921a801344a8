package org.xtsim.network.collectives;

/**
 * Allreduce by Rabenseifner's algorithm (MPICH, messages above 2 KB): fold to a power of two p',
 * reduce-scatter by recursive halving (lg p' steps, halving the data each time, each followed by a
 * reduction), allgather by recursive doubling (lg p' steps), unfold. The buffer is cut into p'
 * parts of ⌊n/p'⌋ bytes, the last taking the remainder. Cost 2·lg p·α + 2n·(p−1)/p·β + n·(p−1)/p·γ
 * for a power of two.
 *
 * <p>Step k's part indices follow MPICH's bookkeeping, recomputed from step 1 each time (lg p' ≤ 24
 * iterations) so that a rank's state is its step number alone.
 */
public final class RabenseifnerAllreduce implements CollectiveAlgorithm {
  @Override
  public int postStep(int rank, int size, int root, long bytes, int step, StepPoster out) {
    int pof2 = CollectiveAlgorithm.floorPow2(size);
    int rem = size - pof2;
    int rounds = Integer.numberOfTrailingZeros(pof2);
    if (step == 0) {
      return Folding.fold(rank, rem, bytes, out);
    }
    if (step <= 2 * rounds) {
      int newRank = Folding.newRank(rank, rem);
      if (newRank < 0) {
        return 0;
      }
      int mask = step <= rounds ? 1 << (step - 1) : pof2 >> (step - rounds);
      int dst = Folding.realRank(newRank ^ mask, rem);
      long counts = exchange(newRank, pof2, bytes, step, rounds);
      long recv = counts & 0xFFFF_FFFFL;
      out.recv(dst, recv);
      out.send(dst, counts >>> 32);
      if (step <= rounds) {
        out.reduce(recv);
      }
      return 2;
    }
    if (step == 2 * rounds + 1) {
      return Folding.unfold(rank, rem, bytes, out);
    }
    return DONE;
  }

  /** Bytes in parts [0, i). */
  private static long prefix(int i, int pof2, long bytes) {
    return i >= pof2 ? bytes : i * (bytes / pof2);
  }

  /**
   * Bytes sent (high 32 bits) and received (low 32 bits) at step {@code step} (1..2·rounds) by
   * group rank {@code newRank}.
   */
  static long exchange(int newRank, int pof2, long bytes, int step, int rounds) {
    int sendIdx = 0;
    int recvIdx = 0;
    int lastIdx = pof2;
    int mask = 1;
    for (int k = 1; k <= rounds; k++) {
      int newDst = newRank ^ mask;
      long send;
      long recv;
      if (newRank < newDst) {
        sendIdx = recvIdx + pof2 / (mask * 2);
        send = prefix(lastIdx, pof2, bytes) - prefix(sendIdx, pof2, bytes);
        recv = prefix(sendIdx, pof2, bytes) - prefix(recvIdx, pof2, bytes);
      } else {
        recvIdx = sendIdx + pof2 / (mask * 2);
        send = prefix(recvIdx, pof2, bytes) - prefix(sendIdx, pof2, bytes);
        recv = prefix(lastIdx, pof2, bytes) - prefix(recvIdx, pof2, bytes);
      }
      if (k == step) {
        return (send << 32) | recv;
      }
      sendIdx = recvIdx;
      mask <<= 1;
      if (mask < pof2) {
        lastIdx = recvIdx + pof2 / mask;
      }
    }
    mask = pof2 >> 1;
    for (int k = rounds + 1; k <= 2 * rounds; k++) {
      int newDst = newRank ^ mask;
      long send;
      long recv;
      if (newRank < newDst) {
        if (mask != pof2 / 2) {
          lastIdx = lastIdx + pof2 / (mask * 2);
        }
        recvIdx = sendIdx + pof2 / (mask * 2);
        send = prefix(recvIdx, pof2, bytes) - prefix(sendIdx, pof2, bytes);
        recv = prefix(lastIdx, pof2, bytes) - prefix(recvIdx, pof2, bytes);
      } else {
        recvIdx = sendIdx - pof2 / (mask * 2);
        send = prefix(lastIdx, pof2, bytes) - prefix(sendIdx, pof2, bytes);
        recv = prefix(sendIdx, pof2, bytes) - prefix(recvIdx, pof2, bytes);
      }
      if (k == step) {
        return (send << 32) | recv;
      }
      if (newRank > newDst) {
        sendIdx = recvIdx;
      }
      mask >>= 1;
    }
    throw new IllegalArgumentException("step " + step + " out of range");
  }

  @Override
  public String name() {
    return "allreduce/rabenseifner";
  }
}
