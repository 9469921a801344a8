package org.xtsim.network.mpi;

/**
 * A test program: a halo exchange of 80 KB with both ring neighbours, computation, a wait, then an
 * 8-byte allreduce, 5 times.
 */
final class HaloProgram implements RankProgram {
  private static final int REPETITIONS = 5;
  private static final int STAGES = 3;
  private static final long HALO_BYTES = 80_000;
  private static final long COMPUTE_UNITS = 1000;

  private final int[] phase;

  HaloProgram(int ranks) {
    phase = new int[ranks];
  }

  @Override
  public boolean next(int rank, Mpi mpi) {
    int step = phase[rank]++;
    if (step == REPETITIONS * STAGES) {
      return false;
    }
    int left = (rank - 1 + mpi.size()) % mpi.size();
    int right = (rank + 1) % mpi.size();
    switch (step % STAGES) {
      case 0 -> {
        mpi.irecv(left, 1, HALO_BYTES);
        mpi.irecv(right, 2, HALO_BYTES);
        mpi.isend(right, 1, HALO_BYTES);
        mpi.isend(left, 2, HALO_BYTES);
        mpi.compute(0, COMPUTE_UNITS);
      }
      case 1 -> mpi.waitall();
      default -> mpi.allreduce(8);
    }
    return true;
  }
}
