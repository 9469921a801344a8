package org.xtsim.workloads.proxies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Grid2dTest {
  @Test
  void shouldFactorLikeMpiDimsCreate() {
    assertDims(64, 64, new Grid2d(4096));
    assertDims(4, 3, new Grid2d(12));
    assertDims(7, 1, new Grid2d(7));
    assertDims(1, 1, new Grid2d(1));
  }

  @Test
  void shouldWrapInLongitudeOnly() {
    Grid2d g = new Grid2d(12); // 4 x 3
    assertEquals(3, g.neighbour(0, 0), "west of the first column is the last");
    assertEquals(0, g.neighbour(3, 1), "east of the last column is the first");
    assertEquals(-1, g.neighbour(0, 2), "no neighbour south of the first row");
    assertEquals(-1, g.neighbour(11, 3), "no neighbour north of the last row");
    assertEquals(-1, new Grid2d(1).neighbour(0, 0), "one rank around the globe: no neighbour");
  }

  @Test
  void shouldPairDirectionsSymmetrically() {
    for (int ranks : new int[] {2, 6, 60}) {
      Grid2d g = new Grid2d(ranks);
      for (int r = 0; r < ranks; r++) {
        for (int d = 0; d < Grid2d.DIRECTIONS; d++) {
          int peer = g.neighbour(r, d);
          if (peer >= 0) {
            assertEquals(r, g.neighbour(peer, Grid2d.opposite(d)));
          }
        }
      }
    }
  }

  private static void assertDims(int px, int py, Grid2d g) {
    assertEquals(px + "x" + py, g.px + "x" + g.py);
  }
}
