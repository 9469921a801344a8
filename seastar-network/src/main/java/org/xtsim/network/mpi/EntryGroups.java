package org.xtsim.network.mpi;

import org.xtsim.network.topology.ActiveBlocksPartitioner;

/**
 * The groups in which ranks report their entry into a one-pass collective ({@link
 * DataflowCollectives}): blocks of consecutive node ids holding equal shares of the job's nodes,
 * and the partitioning into whole groups that keeps each group's count on one thread. The last rank
 * of a group to enter reports for the group, so a collective costs one report per group rather than
 * one per rank.
 *
 * <p>The number of groups does not depend on the thread count (up to {@link #GROUPS} threads), so
 * neither do the reports nor the run's event count. The groups are {@link
 * ActiveBlocksPartitioner}'s blocks (consecutive node ids, equal numbers of the job's nodes, nodes
 * without ranks with the block they fall in) and the partitions are runs of whole groups: with
 * {@code G} groups and {@code P} partitions the shares differ by at most one group.
 */
final class EntryGroups {
  /**
   * Groups per job (fewer if the job has fewer nodes): one report per group and collective, against
   * one per rank; enough groups for each of up to this many threads to get an equal share.
   */
  static final int GROUPS = 256;

  private final int groups;
  private final int[] groupOfRank;
  private final int[] groupSize;
  private final int[] owner;

  /**
   * @param rankToNode each rank's node, one rank per node
   * @param nodes the machine's node count
   * @param partitions the engine's partition count
   */
  EntryGroups(int[] rankToNode, int nodes, int partitions) {
    ActiveBlocksPartitioner blocks = new ActiveBlocksPartitioner(rankToNode, nodes);
    int count = Math.max(1, Math.min(blocks.activeNodes(), Math.max(GROUPS, partitions)));
    // The groups are the partitioner's blocks, had it as many partitions as there are groups.
    int[] groupOfNode = blocks.assign(nodes, count);
    owner = new int[nodes];
    for (int node = 0; node < nodes; node++) {
      owner[node] = (int) ((long) groupOfNode[node] * partitions / count);
    }
    this.groups = count;
    this.groupOfRank = new int[rankToNode.length];
    this.groupSize = new int[count];
    for (int r = 0; r < rankToNode.length; r++) {
      int group = groupOfNode[rankToNode[r]];
      groupOfRank[r] = group;
      groupSize[group]++;
    }
  }

  /** How many groups there are (each holds at least one rank). */
  int count() {
    return groups;
  }

  /** The group of {@code rank}. */
  int groupOf(int rank) {
    return groupOfRank[rank];
  }

  /** How many ranks group {@code group} holds. */
  int size(int group) {
    return groupSize[group];
  }

  /** The partition of every node: whole groups, equal shares. */
  int[] owner() {
    return owner.clone();
  }
}
