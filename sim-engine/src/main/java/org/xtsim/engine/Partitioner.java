package org.xtsim.engine;

/**
 * Assigns components to partitions (one partition per worker thread). The default cuts the id range
 * into consecutive blocks; models with structure (a torus) supply their own so that few links cross
 * partitions and the lookahead stays large.
 */
@FunctionalInterface
public interface Partitioner {
  /**
   * Returns, for each component id in {@code [0, componentCount)}, its partition in {@code [0,
   * partitions)}.
   */
  int[] assign(int componentCount, int partitions);

  /** Consecutive blocks of ids of (nearly) equal size: ids 0..k-1 to partition 0, and so on. */
  static Partitioner blocks() {
    return (componentCount, partitions) -> {
      int[] owner = new int[componentCount];
      for (int id = 0; id < componentCount; id++) {
        owner[id] = (int) ((long) id * partitions / componentCount);
      }
      return owner;
    };
  }
}
