package org.xtsim.network.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntryGroupsTest {
  /** Ranks on every other node of the first 3,000 of 4,000 nodes. */
  private static int[] sparsePlacement() {
    int[] rankToNode = new int[1500];
    for (int r = 0; r < rankToNode.length; r++) {
      rankToNode[r] = 2 * r;
    }
    return rankToNode;
  }

  @Test
  void shouldKeepTheGroupCountWhateverThePartitions() {
    for (int partitions : new int[] {1, 2, 3, 16}) {
      EntryGroups groups = new EntryGroups(sparsePlacement(), 4000, partitions);
      assertEquals(EntryGroups.GROUPS, groups.count(), partitions + " partitions");
      int total = 0;
      for (int g = 0; g < groups.count(); g++) {
        assertTrue(groups.size(g) > 0, "group " + g + " is empty");
        total += groups.size(g);
      }
      assertEquals(1500, total);
    }
  }

  @Test
  void shouldPutEachGroupInOnePartitionWithEqualShares() {
    int[] rankToNode = sparsePlacement();
    for (int partitions : new int[] {2, 3, 16}) {
      EntryGroups groups = new EntryGroups(rankToNode, 4000, partitions);
      int[] owner = groups.owner();
      int[] partitionOfGroup = new int[groups.count()];
      java.util.Arrays.fill(partitionOfGroup, -1);
      int[] ranksOf = new int[partitions];
      for (int r = 0; r < rankToNode.length; r++) {
        int g = groups.groupOf(r);
        int p = owner[rankToNode[r]];
        if (partitionOfGroup[g] < 0) {
          partitionOfGroup[g] = p;
        }
        assertEquals(partitionOfGroup[g], p, "group " + g + " spans partitions");
        ranksOf[p]++;
      }
      // Shares differ by at most one group (here at most 6 ranks each).
      int largestGroup = 0;
      for (int g = 0; g < groups.count(); g++) {
        largestGroup = Math.max(largestGroup, groups.size(g));
      }
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int count : ranksOf) {
        min = Math.min(min, count);
        max = Math.max(max, count);
      }
      assertTrue(max - min <= largestGroup, partitions + " partitions: " + min + ".." + max);
      // Node ids stay in consecutive blocks.
      for (int node = 1; node < owner.length; node++) {
        assertTrue(owner[node] >= owner[node - 1], "node " + node);
      }
    }
  }

  @Test
  void shouldUseOneGroupPerNodeOnSmallJobs() {
    EntryGroups groups = new EntryGroups(new int[] {5, 2, 9}, 10, 2);
    assertEquals(3, groups.count());
    assertEquals(1, groups.size(groups.groupOf(0)));
  }
}
