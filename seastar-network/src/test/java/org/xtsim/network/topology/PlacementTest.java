package org.xtsim.network.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlacementTest {
  private final Torus mesh = Torus.mesh(4, 3, 2);

  @Test
  void shouldFillNodesInIdOrderWhenContiguous() {
    assertArrayEquals(new int[] {0, 0, 1, 1, 2}, Placement.contiguous().rankToNode(mesh, 5, 2));
  }

  @Test
  void shouldWalkASnakeThroughNeighbouringNodes() {
    int[] nodes = Placement.snake().rankToNode(mesh, mesh.nodes(), 1);
    for (int i = 1; i < nodes.length; i++) {
      assertEquals(1, mesh.hops(nodes[i - 1], nodes[i]), "rank " + i);
    }
    assertEquals(mesh.nodes(), Arrays.stream(nodes).distinct().count());
  }

  @Test
  void shouldDrawTheSameRandomPlacementFromTheSameSeed() {
    int[] a = Placement.random(5).rankToNode(mesh, 24, 1);
    assertArrayEquals(a, Placement.random(5).rankToNode(mesh, 24, 1));
    assertFalse(Arrays.equals(a, Placement.random(6).rankToNode(mesh, 24, 1)));
    assertEquals(24, Arrays.stream(a).distinct().count());
  }

  @Test
  void shouldRejectMoreRanksThanTheNodesHold() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Placement.contiguous().rankToNode(mesh, 49, 2));
    assertEquals(
        "49 ranks at 2 per node need 25 nodes; placement contiguous on 4x3x2 mesh offers 24",
        e.getMessage());
  }

  @Test
  void shouldSlabTheLongestDimension() {
    Torus t = Torus.torus(2, 8, 2);
    int[] owner = new TorusPartitioner(t).assign(t.nodes(), 2);
    for (int node = 0; node < t.nodes(); node++) {
      assertEquals(t.y(node) < 4 ? 0 : 1, owner[node]);
    }
  }
}
