package org.xtsim.network.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TorusTest {
  @Test
  void shouldRoundTripNodeIdsAndCoordinates() {
    Torus t = Torus.preset(Torus.REDSTORM);
    assertEquals(27 * 20 * 24, t.nodes());
    for (int node = 0; node < t.nodes(); node += 37) {
      assertEquals(node, t.node(t.x(node), t.y(node), t.z(node)));
    }
    assertEquals(27 * 16 * 24, Torus.preset(Torus.REDSTORM_2005).nodes());
  }

  @Test
  void shouldComputeCoordinatesAsIntegerDivisionDoesForEveryNode() {
    // Coordinates come from multiplying by reciprocals; check them against / and % everywhere,
    // on shapes with odd, even, prime and power-of-two sides, and at the 2^24-node limit's ends.
    int[][] shapes = {
      {27, 20, 24}, {64, 64, 32}, {7, 3, 5}, {1, 1, 1}, {1, 13, 2}, {4096, 4096, 1}
    };
    for (int[] d : shapes) {
      Torus t = Torus.torus(d[0], d[1], d[2]);
      int step = Math.max(1, t.nodes() / 200_000);
      for (int n = 0; n < t.nodes(); n += step) {
        checkCoordinates(t, n, d);
      }
      checkCoordinates(t, t.nodes() - 1, d);
    }
  }

  private static void checkCoordinates(Torus t, int n, int[] d) {
    assertEquals(n % d[0], t.x(n), "x of " + n);
    assertEquals((n / d[0]) % d[1], t.y(n), "y of " + n);
    assertEquals(n / (d[0] * d[1]), t.z(n), "z of " + n);
    int other = (int) ((n * 2654435761L) % t.nodes());
    int expected = 0;
    for (int dim = 0; dim < 3; dim++) {
      int diff = Math.abs(t.coordinate(n, dim) - t.coordinate(other, dim));
      expected += Math.min(diff, d[dim] - diff);
    }
    assertEquals(expected, t.hops(n, other), "hops " + n + " to " + other);
  }

  @Test
  void shouldCountHopsTheShortWayRoundOnWrappedDimensionsOnly() {
    Torus mesh = Torus.mesh(8, 1, 1);
    Torus ring = Torus.torus(8, 1, 1);
    assertEquals(7, mesh.hops(0, 7));
    assertEquals(1, ring.hops(0, 7));
    assertEquals(4, ring.hops(0, 4));
    assertEquals(0, ring.nextPort(0, 4), "ties go the positive way");
    assertEquals(1, ring.nextPort(0, 7), "the short way is negative");
  }

  @Test
  void shouldRouteInDimensionOrderAlongAPathOfHopsLength() {
    Torus t = new Torus(5, 4, 3, false, true, true);
    int from = t.node(0, 3, 0);
    int to = t.node(4, 0, 2);
    int at = from;
    int steps = 0;
    int lastDim = 0;
    while (at != to) {
      int port = t.nextPort(at, to);
      assertTrue(port >> 1 >= lastDim, "x, then y, then z");
      lastDim = port >> 1;
      at = t.neighbour(at, port);
      steps++;
    }
    assertEquals(t.hops(from, to), steps);
    assertEquals(Torus.EJECT, t.nextPort(to, to));
  }

  @Test
  void shouldHaveNoNeighbourBeyondAMeshEdge() {
    Torus mesh = Torus.mesh(3, 3, 3);
    assertEquals(-1, mesh.neighbour(mesh.node(2, 0, 0), 0));
    assertEquals(mesh.node(1, 0, 0), mesh.neighbour(mesh.node(2, 0, 0), 1));
    Torus torus = Torus.torus(3, 3, 3);
    assertEquals(torus.node(0, 0, 0), torus.neighbour(torus.node(2, 0, 0), 0));
  }

  @Test
  void shouldRejectNonPositiveDimensionsAndUnknownPresets() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Torus.mesh(4, 0, 4));
    assertTrue(e.getMessage().contains("y must be > 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Torus.torus(-1, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> Torus.preset("bluegene"));
  }

  @Test
  void shouldFitWhatIfMachinesInNearCubicTori() {
    assertEquals("64x64x32", dims(Torus.fitting(131_072)));
    assertEquals("128x128x64", dims(Torus.fitting(1_048_576)));
    assertEquals("16x16x16", dims(Torus.fitting(4096)));
    assertEquals("2x1x1", dims(Torus.fitting(2)));
    for (int n : new int[] {1, 3, 7, 1000, 12_960, 100_000, 999_999}) {
      Torus t = Torus.fitting(n);
      assertTrue(t.nodes() >= n, n + " nodes do not fit in " + t);
      // Near-cubic: no dimension more than twice another, and little waste.
      assertTrue(t.size(0) >= t.size(1) && t.size(1) >= t.size(2), t.toString());
      assertTrue(t.nodes() < 1.2 * n + 8, n + " nodes waste too much of " + t);
    }
    assertTrue(Torus.fitting(100_000).wraps(0) && Torus.fitting(100_000).wraps(2));
    assertThrows(IllegalArgumentException.class, () -> Torus.fitting(0));
  }

  private static String dims(Torus t) {
    return t.size(0) + "x" + t.size(1) + "x" + t.size(2);
  }
}
