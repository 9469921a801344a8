package org.xtsim.network.mpi;

/**
 * The groups in which ranks report their entry into a one-pass collective ({@link
 * DataflowCollectives}): blocks of consecutive node ids holding equal shares of the job's nodes,
 * and the partitioning into whole groups that keeps each group's count on one thread. The last rank
 * of a group to enter reports for the group, so a collective costs one report per group rather than
 * one per rank.
 *
 * <p>The number of groups does not depend on the thread count (up to {@link #GROUPS} threads), so
 * neither do the reports nor the run's event count. The partitions follow the same rule as {@link
 * org.xtsim.network.topology.ActiveBlocksPartitioner} (consecutive node ids, equal numbers of the
 * job's nodes, nodes without ranks with the block they fall in), cut at group boundaries: with
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
    boolean[] active = new boolean[nodes];
    int activeCount = 0;
    for (int node : rankToNode) {
      if (!active[node]) {
        active[node] = true;
        activeCount++;
      }
    }
    int count = Math.max(1, Math.min(activeCount, Math.max(GROUPS, partitions)));
    int[] groupOfNode = new int[nodes];
    owner = new int[nodes];
    long seen = 0;
    for (int node = 0; node < nodes; node++) {
      int group = (int) Math.min(count - 1, seen * count / Math.max(1, activeCount));
      groupOfNode[node] = group;
      owner[node] = (int) ((long) group * partitions / count);
      if (active[node]) {
        seen++;
      }
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
