package org.xtsim.network.mpi;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.EventHandler;

/**
 * The handler of every node component: starts the node's ranks and hands each event to the {@link
 * PartitionWorker} of the node's partition.
 */
final class MpiRuntime implements EventHandler {
  private final int[] owner;
  private final PartitionWorker[] workers;
  private final int[] nodeFirstRank;
  private final int[] nodeRanks;

  /**
   * @param owner partition of each node
   * @param nodeFirstRank CSR offsets: the ranks of node n are {@code nodeRanks[nodeFirstRank[n] ..
   *     nodeFirstRank[n + 1])}
   */
  MpiRuntime(int[] owner, PartitionWorker[] workers, int[] nodeFirstRank, int[] nodeRanks) {
    this.owner = owner;
    this.workers = workers;
    this.nodeFirstRank = nodeFirstRank;
    this.nodeRanks = nodeRanks;
  }

  @Override
  public void init(Context ctx) {
    int node = ctx.self();
    for (int i = nodeFirstRank[node]; i < nodeFirstRank[node + 1]; i++) {
      ctx.schedule(0, PartitionWorker.STEP, nodeRanks[i], 0L, 0L);
    }
  }

  @Override
  public void onEvent(Event event, Context ctx) {
    workers[owner[ctx.self()]].onEvent(event, ctx);
  }
}
