package org.xtsim.network.mpi;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.collectives.Collective;

/**
 * The MPI layer of one engine partition: dispatches the partition's events, steps the rank programs
 * of its nodes and is the {@link Mpi} they call, delegating the work to one object per job: {@link
 * MessageMatching} (posted and unexpected queues), {@link PointToPointProtocol} (eager and
 * rendezvous, host costs, completion; the network's {@link org.xtsim.network.MessageSink}), {@link
 * CollectiveDriver} (collective steps) and {@link RequestTracking} (active requests and waits). One
 * object per partition, so its scratch fields (the current context and rank) and its {@link
 * RequestPool} are only ever used by one thread.
 *
 * <p>A program's {@link RankProgram#next} issues non-blocking operations and at most one blocking
 * one (compute, a wait, a collective) last; the rank then runs again when that operation is over.
 */
final class PartitionWorker implements Mpi {
  /** Resume a rank: arg0 = rank. */
  static final int STEP = 1;

  /** A rank's computation ends: arg0 = rank. */
  static final int COMPUTE_END = 2;

  /** A collective evaluated by {@link DataflowCollectives} has ended for a rank: arg0 = rank. */
  static final int DATAFLOW_DONE = 3;

  private final RankTable ranks;
  private final RequestPool pool;
  private final NetworkModel network;
  private final RankProgram program;
  private final ComputeTimer computeTimer;
  private final RequestTracking tracking;
  private final PointToPointProtocol protocol;
  private final CollectiveDriver collectives;

  private Context ctx;
  private int rank;
  private boolean issued;
  private boolean blocked;

  PartitionWorker(
      RankTable ranks,
      NetworkModel network,
      RankProgram program,
      ComputeTimer computeTimer,
      HostCosts hostCosts,
      double reducePsPerByte,
      DataflowCollectives dataflow,
      int initialRequests) {
    this.ranks = ranks;
    this.pool = new RequestPool(initialRequests);
    this.network = network;
    this.program = program;
    this.computeTimer = computeTimer;
    this.tracking = new RequestTracking(ranks, pool);
    this.protocol =
        new PointToPointProtocol(
            ranks, pool, network, hostCosts, new MessageMatching(ranks, pool), tracking);
    this.collectives =
        new CollectiveDriver(ranks, protocol, tracking, hostCosts, reducePsPerByte, dataflow);
  }

  RequestPool pool() {
    return pool;
  }

  // ------------------------------------------------------------------ events

  void onEvent(Event event, Context context) {
    ctx = context;
    int type = event.type();
    if (type >= NetworkModel.FIRST_EVENT_TYPE) {
      network.onEvent(event, context, protocol);
      return;
    }
    int r = (int) event.arg0();
    if (type == COMPUTE_END) {
      long stolen = ranks.stolenPs[r];
      if (stolen > 0) {
        ranks.stolenPs[r] = 0;
        context.schedule(stolen, COMPUTE_END, r, 0L, 0L);
        return;
      }
      ranks.cpuFreePs[r] = Math.max(ranks.cpuFreePs[r], context.nowPs());
      ranks.state[r] = RankTable.READY;
    } else if (type == DATAFLOW_DONE) {
      ranks.state[r] = RankTable.READY;
    } else if (type != STEP) {
      throw new IllegalStateException("MPI layer got event type " + type);
    }
    if (ranks.state[r] == RankTable.IN_COLLECTIVE && !collectives.advance(ctx, r)) {
      return;
    }
    ranks.state[r] = RankTable.READY;
    runProgram(r);
  }

  private void runProgram(int r) {
    while (true) {
      rank = r;
      issued = false;
      blocked = false;
      boolean more = program.next(r, this);
      if (!more) {
        if (issued) {
          throw new IllegalStateException(
              "rank " + r + ": program issued an operation and then returned false");
        }
        ranks.state[r] = RankTable.DONE;
        ranks.finishPs[r] = Math.max(ctx.nowPs(), ranks.cpuFreePs[r]);
        return;
      }
      if (!issued) {
        throw new IllegalStateException(
            "rank " + r + ": program returned true without issuing an operation");
      }
      if (!blocked) {
        continue;
      }
      byte state = ranks.state[r];
      if (state == RankTable.COMPUTING || state == RankTable.IN_DATAFLOW) {
        return;
      }
      if (state == RankTable.IN_COLLECTIVE) {
        if (!collectives.advance(ctx, r)) {
          return;
        }
      } else if (!tracking.waitResolved(ctx, r)) {
        return;
      }
      ranks.state[r] = RankTable.READY;
    }
  }

  private void issueBlocking() {
    if (blocked) {
      throw new IllegalStateException(
          "rank " + rank + ": program issued an operation after a blocking one");
    }
    issued = true;
    blocked = true;
  }

  private void issueNonBlocking() {
    if (blocked) {
      throw new IllegalStateException(
          "rank " + rank + ": program issued an operation after a blocking one");
    }
    issued = true;
  }

  // ------------------------------------------------------------------ Mpi

  @Override
  public int rank() {
    return rank;
  }

  @Override
  public int size() {
    return ranks.size;
  }

  @Override
  public long nowPs() {
    return Math.max(ctx.nowPs(), ranks.cpuFreePs[rank]);
  }

  @Override
  public void compute(int phaseId, long amount) {
    issueBlocking();
    ArgumentChecks.checkComputeAmount(rank, amount);
    long now = ctx.nowPs();
    long start = Math.max(now, ranks.cpuFreePs[rank]);
    long end = computeTimer.computeEndPs(ranks.node[rank], start, phaseId, amount, ctx.random());
    if (end < start) {
      throw new IllegalStateException("compute timer ended work before it started");
    }
    ranks.state[rank] = RankTable.COMPUTING;
    ctx.schedule(end - now, COMPUTE_END, rank, 0L, 0L);
  }

  @Override
  public int isend(int dest, int tag, long bytes) {
    issueNonBlocking();
    ArgumentChecks.checkTag(rank, tag);
    return protocol.startSend(ctx, rank, dest, tag, bytes, false);
  }

  @Override
  public int irecv(int source, int tag, long bytes) {
    issueNonBlocking();
    if (tag != ANY_TAG) {
      ArgumentChecks.checkTag(rank, tag);
    }
    return protocol.startRecv(ctx, rank, source, tag, bytes, false);
  }

  @Override
  public void send(int dest, int tag, long bytes) {
    await(isend(dest, tag, bytes));
  }

  @Override
  public void recv(int source, int tag, long bytes) {
    await(irecv(source, tag, bytes));
  }

  @Override
  public void await(int request) {
    ArgumentChecks.checkHeldRequest(rank, pool, request);
    issueBlocking();
    tracking.beginWait(ctx, rank);
    tracking.waitOn(rank, request);
  }

  @Override
  public void waitall() {
    issueBlocking();
    int r = rank;
    tracking.beginWait(ctx, r);
    while (ranks.activeHead[r] >= 0) {
      tracking.waitOn(r, ranks.activeHead[r]);
    }
  }

  @Override
  public void allreduce(long bytes) {
    beginCollective(Collective.ALLREDUCE, 0, bytes);
  }

  @Override
  public void barrier() {
    beginCollective(Collective.BARRIER, 0, 0);
  }

  @Override
  public void bcast(int root, long bytes) {
    beginCollective(Collective.BCAST, root, bytes);
  }

  @Override
  public void reduce(int root, long bytes) {
    beginCollective(Collective.REDUCE, root, bytes);
  }

  @Override
  public void allgather(long bytesPerRank) {
    beginCollective(Collective.ALLGATHER, 0, bytesPerRank);
  }

  @Override
  public void alltoall(long bytesPerPair) {
    beginCollective(Collective.ALLTOALL, 0, bytesPerPair);
  }

  private void beginCollective(Collective op, int root, long bytes) {
    issueBlocking();
    collectives.begin(ctx, rank, op, root, bytes);
  }
}
