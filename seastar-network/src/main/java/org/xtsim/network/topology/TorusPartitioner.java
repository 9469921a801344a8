package org.xtsim.network.topology;

import org.xtsim.engine.Partitioner;

/**
 * Cuts the torus into slabs along its longest dimension, one slab per engine thread, so that only
 * the links between neighbouring slabs cross partitions. Components at ids {@code [0, nodes)} are
 * the nodes; any further components go to partition 0.
 */
public final class TorusPartitioner implements Partitioner {
  private final Torus torus;

  /** Slabs of {@code torus}. */
  public TorusPartitioner(Torus torus) {
    this.torus = torus;
  }

  @Override
  public int[] assign(int componentCount, int partitions) {
    int dim = torus.longestDimension();
    int size = torus.size(dim);
    int[] owner = new int[componentCount];
    int nodes = Math.min(componentCount, torus.nodes());
    for (int node = 0; node < nodes; node++) {
      owner[node] = (int) ((long) torus.coordinate(node, dim) * partitions / size);
    }
    return owner;
  }
}
