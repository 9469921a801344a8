package org.xtsim.network.mpi;

import org.xtsim.engine.Context;
import org.xtsim.network.collectives.Collective;
import org.xtsim.network.collectives.CollectiveAlgorithm;
import org.xtsim.network.collectives.MpichSelector;
import org.xtsim.network.collectives.StepPoster;

/**
 * Steps the collectives of one engine partition: {@link #begin} picks MPICH's algorithm for a rank
 * entering a collective (or hands the collective to {@link DataflowCollectives} when that times
 * it), and {@link #advance} runs the algorithm's steps until one must wait. As the algorithm's
 * {@link StepPoster} it turns each step's sends, receives and reductions into point-to-point
 * operations of {@link PointToPointProtocol} with the reserved tag {@link #COLLECTIVE_TAG}; their
 * requests are waited for at once, so a step is over when its rank's wait is.
 */
final class CollectiveDriver implements StepPoster {
  /** Tag of the messages of collectives; user tags are ≥ 0, so they never match it. */
  static final int COLLECTIVE_TAG = -2;

  private final RankTable ranks;
  private final PointToPointProtocol protocol;
  private final RequestTracking tracking;
  private final HostCosts hostCosts;
  private final double reducePsPerByte;
  private final DataflowCollectives dataflow;

  /** The context and rank of the step being posted (the {@link StepPoster} calls carry neither). */
  private Context ctx;

  private int rank;

  CollectiveDriver(
      RankTable ranks,
      PointToPointProtocol protocol,
      RequestTracking tracking,
      HostCosts hostCosts,
      double reducePsPerByte,
      DataflowCollectives dataflow) {
    this.ranks = ranks;
    this.protocol = protocol;
    this.tracking = tracking;
    this.hostCosts = hostCosts;
    this.reducePsPerByte = reducePsPerByte;
    this.dataflow = dataflow;
  }

  /**
   * Rank {@code r} enters collective {@code op}: leaves it {@link RankTable#IN_COLLECTIVE} (stepped
   * by {@link #advance}) or {@link RankTable#IN_DATAFLOW} (timed by {@link DataflowCollectives}).
   */
  void begin(Context ctx, int r, Collective op, int root, long bytes) {
    ArgumentChecks.checkRoot(r, ranks.size, op, root);
    ArgumentChecks.checkBytes(r, bytes);
    CollectiveAlgorithm algorithm = MpichSelector.select(op, ranks.size, bytes);
    ranks.state[r] = RankTable.IN_COLLECTIVE;
    ranks.collAlgorithm[r] = (byte) MpichSelector.id(algorithm);
    ranks.collStep[r] = 0;
    ranks.collRoot[r] = root;
    ranks.collBytes[r] = bytes;
    ranks.collReduceBytes[r] = 0;
    if (dataflow != null && dataflow.covers(algorithm, bytes)) {
      ranks.state[r] = RankTable.IN_DATAFLOW;
      ranks.resumePs[r] = ctx.nowPs();
      if (dataflow.enter(r)) {
        // The last of its entry group reports for all of them: one event per group.
        ctx.sendTo(
            dataflow.component(), dataflow.reportDelayPs(), DataflowCollectives.ENTERED, r, 0, 0);
      }
    }
  }

  /** Runs collective steps of {@code r} until one must wait; true when the collective has ended. */
  boolean advance(Context ctx, int r) {
    this.ctx = ctx;
    CollectiveAlgorithm algorithm = MpichSelector.byId(ranks.collAlgorithm[r]);
    while (true) {
      long now = ctx.nowPs();
      long reduce = ranks.collReduceBytes[r];
      if (reduce > 0) {
        ranks.cpuFreePs[r] =
            hostCosts.workEndPs(
                ranks.node[r],
                Math.max(now, ranks.cpuFreePs[r]),
                Math.round(reduce * reducePsPerByte));
        ranks.collReduceBytes[r] = 0;
      }
      ranks.resumePs[r] = now;
      ranks.pending[r] = 0;
      rank = r;
      int posted =
          algorithm.postStep(
              r, ranks.size, ranks.collRoot[r], ranks.collBytes[r], ranks.collStep[r]++, this);
      if (posted == CollectiveAlgorithm.DONE) {
        return true;
      }
      if (!tracking.waitResolved(ctx, r)) {
        return false;
      }
    }
  }

  // ------------------------------------------------------------------ StepPoster

  @Override
  public void send(int peer, long bytes) {
    protocol.startSend(ctx, rank, peer, COLLECTIVE_TAG, bytes, true);
  }

  @Override
  public void recv(int peer, long bytes) {
    protocol.startRecv(ctx, rank, peer, COLLECTIVE_TAG, bytes, true);
  }

  @Override
  public void reduce(long bytes) {
    ranks.collReduceBytes[rank] += bytes;
  }
}
