package org.xtsim.network.mpi;

/**
 * A rank's program as a lazy state machine: each time the rank is ready, {@link #next} issues its
 * next operations. One object serves all ranks and keeps each rank's position in its own compact
 * form (for example an iteration counter and a phase index in primitive arrays indexed by rank).
 *
 * <p>Called from the engine thread that owns the rank's node: an implementation touches only the
 * state of the {@code rank} it is called for.
 */
@FunctionalInterface
public interface RankProgram {
  /**
   * Issues the rank's next operations: any number of non-blocking ones, then at most one blocking
   * one (after which it must return). Returns {@code false}, issuing nothing, once the rank is
   * done.
   */
  boolean next(int rank, Mpi mpi);
}
