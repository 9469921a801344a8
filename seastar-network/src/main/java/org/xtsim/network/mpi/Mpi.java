package org.xtsim.network.mpi;

/**
 * What a {@link RankProgram} may do when its rank is ready. Non-blocking calls ({@link #isend},
 * {@link #irecv}) return a request handle and let the program go on; every other call blocks the
 * rank: the program's {@link RankProgram#next} must return right after it, and is called again when
 * the operation has completed. Valid only during {@link RankProgram#next}.
 */
public interface Mpi {
  /** Receive from any source. */
  int ANY_SOURCE = -1;

  /** Receive with any (non-negative) tag. */
  int ANY_TAG = -1;

  /** This rank. */
  int rank();

  /** Number of ranks. */
  int size();

  /** The current simulated time, in picoseconds. */
  long nowPs();

  /**
   * Computes work item ({@code phaseId}, {@code amount}); its duration comes from the job's
   * ComputeTimer.
   */
  void compute(int phaseId, long amount);

  /** Starts a send of {@code bytes} to {@code dest} with {@code tag} ≥ 0; returns its request. */
  int isend(int dest, int tag, long bytes);

  /**
   * Starts a receive from {@code source} (or {@link #ANY_SOURCE}) with {@code tag} (or {@link
   * #ANY_TAG}).
   */
  int irecv(int source, int tag, long bytes);

  /** Blocking send. */
  void send(int dest, int tag, long bytes);

  /** Blocking receive. */
  void recv(int source, int tag, long bytes);

  /** Waits for one request. */
  void await(int request);

  /** Waits for every request this rank has started and not yet waited for. */
  void waitall();

  /** Allreduce of {@code bytes} (doubles, summed). */
  void allreduce(long bytes);

  /** Barrier. */
  void barrier();

  /** Broadcast of {@code bytes} from {@code root}. */
  void bcast(int root, long bytes);

  /** Reduce of {@code bytes} to {@code root}. */
  void reduce(int root, long bytes);

  /** Allgather of {@code bytesPerRank} from every rank. */
  void allgather(long bytesPerRank);

  /** All-to-all of {@code bytesPerPair} between every pair of ranks. */
  void alltoall(long bytesPerPair);
}
