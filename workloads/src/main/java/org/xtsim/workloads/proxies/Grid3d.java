package org.xtsim.workloads.proxies;

/**
 * A balanced 3-D process grid px × py × pz = P, as {@code MPI_Dims_create} makes it (factors as
 * equal as possible, largest first), with non-periodic face neighbours.
 */
final class Grid3d {
  final int px;
  final int py;
  final int pz;

  Grid3d(int ranks) {
    int[] dims = BalancedDims.of(ranks, 3);
    px = dims[0];
    py = dims[1];
    pz = dims[2];
  }

  /** The neighbour of {@code rank} across face {@code face} (0..5: −x +x −y +y −z +z), or −1. */
  int neighbour(int rank, int face) {
    int x = rank % px;
    int y = (rank / px) % py;
    int z = rank / (px * py);
    switch (face) {
      case 0:
        return x > 0 ? rank - 1 : -1;
      case 1:
        return x < px - 1 ? rank + 1 : -1;
      case 2:
        return y > 0 ? rank - px : -1;
      case 3:
        return y < py - 1 ? rank + px : -1;
      case 4:
        return z > 0 ? rank - px * py : -1;
      default:
        return z < pz - 1 ? rank + px * py : -1;
    }
  }

  /** The face a message sent across {@code face} arrives on at the neighbour. */
  static int opposite(int face) {
    return face ^ 1;
  }
}
