package org.xtsim.workloads.proxies;

/**
 * A balanced 2-D process grid px × py = P over an ocean model's horizontal grid, as {@code
 * MPI_Dims_create} makes it (px ≥ py). Longitude (x) wraps around the globe, so east-west
 * neighbours are periodic; latitude (y) does not.
 */
final class Grid2d {
  /** Directions, in the order of {@link #neighbour}: west, east, south, north. */
  static final int DIRECTIONS = 4;

  final int px;
  final int py;

  Grid2d(int ranks) {
    int[] dims = BalancedDims.of(ranks, 2);
    px = dims[0];
    py = dims[1];
  }

  /**
   * The neighbour of {@code rank} in direction {@code direction} (0..3: west, east, south, north),
   * or −1: none in y at the grid's edges, none in x when a single rank spans the globe.
   */
  int neighbour(int rank, int direction) {
    int x = rank % px;
    int y = rank / px;
    switch (direction) {
      case 0:
        return px > 1 ? y * px + (x + px - 1) % px : -1;
      case 1:
        return px > 1 ? y * px + (x + 1) % px : -1;
      case 2:
        return y > 0 ? rank - px : -1;
      default:
        return y < py - 1 ? rank + px : -1;
    }
  }

  /** The direction a message sent in {@code direction} arrives from at the neighbour. */
  static int opposite(int direction) {
    return direction ^ 1;
  }

  /** Points of a block edge that a message in {@code direction} carries: a column or a row. */
  static int edgePoints(int direction, int blockX, int blockY) {
    return direction < 2 ? blockY : blockX;
  }
}
