package org.xtsim.network.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xtsim.engine.Partitioner;

class TorusPartitionerTest {
  private static int crossingLinks(Torus t, int[] owner) {
    int crossing = 0;
    for (int node = 0; node < t.nodes(); node++) {
      for (int port = 0; port < Torus.PORTS; port++) {
        int to = t.neighbour(node, port);
        if (to >= 0 && owner[to] != owner[node]) {
          crossing++;
        }
      }
    }
    return crossing;
  }

  @Test
  void shouldCutAcrossTheLongestDimensionSoFewLinksCrossPartitions() {
    Torus t = Torus.torus(16, 4, 4);
    int[] slabs = new TorusPartitioner(t).assign(t.nodes(), 2);
    int[] idBlocks = Partitioner.blocks().assign(t.nodes(), 2);
    // Slabs along x: two cuts (one wraps) of 4 x 4 links, both directions.
    assertEquals(2 * 2 * 16, crossingLinks(t, slabs));
    // Id blocks cut along z: two cuts of 16 x 4 links, both directions.
    assertEquals(2 * 2 * 64, crossingLinks(t, idBlocks));
  }
}
