package org.xtsim.network.mpi;

import org.xtsim.network.collectives.Collective;

/**
 * Checks the arguments a rank program passes to {@link Mpi}: one job, to reject a bad rank, root,
 * size or tag with a message that names the rank that issued it. Stateless; every method throws
 * {@link IllegalArgumentException} and otherwise does nothing.
 */
final class ArgumentChecks {
  private ArgumentChecks() {}

  /** {@code other} must be a rank of the job; {@code verb} says what {@code rank} did with it. */
  static void checkRank(int rank, int size, int other, String verb) {
    if (other < 0 || other >= size) {
      throw new IllegalArgumentException(
          "rank "
              + rank
              + " "
              + verb
              + " rank "
              + other
              + ", which does not exist (ranks 0.."
              + (size - 1)
              + ")");
    }
  }

  /** A message size must fit the envelope's 32 bits. */
  static void checkBytes(int rank, long bytes) {
    if (bytes < 0 || bytes > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "rank " + rank + ": message size " + bytes + " bytes is outside [0, 2^32)");
    }
  }

  /** User tags are ≥ 0 (negative tags are reserved for collectives and wildcards). */
  static void checkTag(int rank, int tag) {
    if (tag < 0) {
      throw new IllegalArgumentException("rank " + rank + ": tag must be >= 0, was " + tag);
    }
  }

  /** The root of a collective must be a rank of the job. */
  static void checkRoot(int rank, int size, Collective op, int root) {
    if (root < 0 || root >= size) {
      throw new IllegalArgumentException(
          "rank "
              + rank
              + ": "
              + op
              + " root "
              + root
              + " does not exist (ranks 0.."
              + (size - 1)
              + ")");
    }
  }

  /** A computation cannot take a negative amount of work. */
  static void checkComputeAmount(int rank, long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("rank " + rank + ": compute amount must be >= 0");
    }
  }

  /** A request waited for must be a user request of {@code rank} that nothing waits for yet. */
  static void checkHeldRequest(int rank, RequestPool pool, int request) {
    if (request < 0
        || request >= pool.requestCapacity()
        || pool.rank[request] != rank
        || pool.waited[request]
        || pool.collective[request]) {
      throw new IllegalArgumentException(
          "rank " + rank + " waits for request " + request + ", which it does not hold");
    }
  }
}
