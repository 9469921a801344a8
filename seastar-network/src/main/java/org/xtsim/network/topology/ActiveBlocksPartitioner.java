package org.xtsim.network.topology;

import org.xtsim.engine.Partitioner;

/**
 * Consecutive node-id blocks holding equal numbers of the job's nodes: node ids are cut where the
 * count of nodes that run ranks reaches k·n/p, so every partition gets its share of the work, and
 * the partitions' entries in node-indexed arrays stay apart (one boundary per partition, no cache
 * line written by two threads in the middle of a block). Nodes without ranks go with the block they
 * fall in.
 */
public final class ActiveBlocksPartitioner implements Partitioner {
  private final boolean[] active;
  private final int activeCount;

  /** Blocks over the nodes that {@code rankToNode} uses. */
  public ActiveBlocksPartitioner(int[] rankToNode, int nodes) {
    this.active = new boolean[nodes];
    int count = 0;
    for (int node : rankToNode) {
      if (!active[node]) {
        active[node] = true;
        count++;
      }
    }
    this.activeCount = count;
  }

  /** How many nodes run ranks. */
  public int activeNodes() {
    return activeCount;
  }

  @Override
  public int[] assign(int componentCount, int partitions) {
    int[] owner = new int[componentCount];
    long seen = 0;
    for (int node = 0; node < componentCount; node++) {
      owner[node] = (int) Math.min(partitions - 1, seen * partitions / Math.max(1, activeCount));
      if (node < active.length && active[node]) {
        seen++;
      }
    }
    return owner;
  }
}
