package org.xtsim.workloads.proxies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Grid3dTest {
  @Test
  void shouldFactorLikeMpiDimsCreate() {
    assertDims(16, 16, 16, new Grid3d(4096));
    assertDims(3, 2, 2, new Grid3d(12));
    assertDims(7, 1, 1, new Grid3d(7));
    assertDims(1, 1, 1, new Grid3d(1));
  }

  @Test
  void shouldPairFacesSymmetrically() {
    Grid3d g = new Grid3d(60);
    for (int r = 0; r < 60; r++) {
      for (int face = 0; face < 6; face++) {
        int peer = g.neighbour(r, face);
        if (peer >= 0) {
          assertEquals(r, g.neighbour(peer, Grid3d.opposite(face)));
        }
      }
    }
  }

  private static void assertDims(int px, int py, int pz, Grid3d g) {
    assertEquals(px + "x" + py + "x" + pz, g.px + "x" + g.py + "x" + g.pz);
  }
}
