package org.xtsim.network.imb;

import org.xtsim.network.collectives.Collective;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.network.mpi.RankProgram;

/**
 * Every rank calls one collective {@code repetitions} times back to back (root 0 where there is
 * one). The time per call is the job's completion time divided by the repetitions.
 */
public final class CollectiveLoop implements RankProgram {
  private final Collective op;
  private final long bytes;
  private final int repetitions;
  private final int[] done;

  /** {@code repetitions} calls of {@code op} with {@code bytes} on {@code ranks} ranks. */
  public CollectiveLoop(Collective op, long bytes, int repetitions, int ranks) {
    if (repetitions <= 0) {
      throw new IllegalArgumentException("repetitions must be > 0, was " + repetitions);
    }
    this.op = op;
    this.bytes = bytes;
    this.repetitions = repetitions;
    this.done = new int[ranks];
  }

  @Override
  public boolean next(int rank, Mpi mpi) {
    if (done[rank] == repetitions) {
      return false;
    }
    done[rank]++;
    switch (op) {
      case ALLREDUCE -> mpi.allreduce(bytes);
      case BARRIER -> mpi.barrier();
      case BCAST -> mpi.bcast(0, bytes);
      case REDUCE -> mpi.reduce(0, bytes);
      case ALLGATHER -> mpi.allgather(bytes);
      case ALLTOALL -> mpi.alltoall(bytes);
      default -> throw new IllegalArgumentException("unknown collective " + op);
    }
    return true;
  }
}
