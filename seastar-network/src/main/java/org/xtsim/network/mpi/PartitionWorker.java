package org.xtsim.network.mpi;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.network.Envelope;
import org.xtsim.network.MessageSink;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.collectives.Collective;
import org.xtsim.network.collectives.CollectiveAlgorithm;
import org.xtsim.network.collectives.MpichSelector;
import org.xtsim.network.collectives.StepPoster;

/**
 * The MPI engine of one engine partition: runs the rank programs of the partition's nodes, matches
 * messages, runs the eager and rendezvous protocols and steps collectives. One object per
 * partition, so its scratch fields (the current context and rank) and its {@link RequestPool} are
 * only ever used by one thread.
 *
 * <p>Times: a rank's CPU is busy with MPI overheads until {@code cpuFreePs}; operations it issues
 * start then, which may be later than the event that issues them. A received message costs host
 * time when it arrives; if the rank is computing, that time is stolen from the computation, which
 * ends later by as much (receipt is interrupt-driven, as Portals on Catamount).
 */
final class PartitionWorker implements Mpi, StepPoster, MessageSink {
  /** Resume a rank: arg0 = rank. */
  static final int STEP = 1;

  /** A rank's computation ends: arg0 = rank. */
  static final int COMPUTE_END = 2;

  /** A collective evaluated by {@link DataflowCollectives} has ended for a rank: arg0 = rank. */
  static final int DATAFLOW_DONE = 3;

  /** Tag of the messages of collectives; user tags are ≥ 0, so they never match it. */
  static final int COLLECTIVE_TAG = -2;

  private final RankTable ranks;
  private final RequestPool pool;
  private final NetworkModel network;
  private final RankProgram program;
  private final ComputeTimer computeTimer;
  private final HostCosts hostCosts;
  private final double reducePsPerByte;
  private final long eagerThreshold;
  private final DataflowCollectives dataflow;

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
    this.hostCosts = hostCosts;
    this.reducePsPerByte = reducePsPerByte;
    this.eagerThreshold = network.eagerThresholdBytes();
    this.dataflow = dataflow;
  }

  RequestPool pool() {
    return pool;
  }

  // ------------------------------------------------------------------ events

  void onEvent(Event event, Context context) {
    ctx = context;
    int type = event.type();
    if (type >= NetworkModel.FIRST_EVENT_TYPE) {
      network.onEvent(event, context, this);
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
    if (ranks.state[r] == RankTable.IN_COLLECTIVE && !advanceCollective(r)) {
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
        if (!advanceCollective(r)) {
          return;
        }
      } else if (!waitResolved(r)) {
        return;
      }
      ranks.state[r] = RankTable.READY;
    }
  }

  /** After a wait was set up: true if it is already over, else arranges to be resumed. */
  private boolean waitResolved(int r) {
    if (ranks.pending[r] > 0) {
      return false;
    }
    long now = ctx.nowPs();
    if (ranks.resumePs[r] > now) {
      ctx.schedule(ranks.resumePs[r] - now, STEP, r, 0L, 0L);
      return false;
    }
    return true;
  }

  /** Runs collective steps until one must wait; true when the collective has finished. */
  private boolean advanceCollective(int r) {
    CollectiveAlgorithm algorithm = MpichSelector.byId(ranks.collAlgorithm[r]);
    while (true) {
      long now = ctx.nowPs();
      long reduce = ranks.collReduceBytes[r];
      if (reduce > 0) {
        ranks.cpuFreePs[r] =
            Math.max(now, ranks.cpuFreePs[r]) + Math.round(reduce * reducePsPerByte);
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
      if (!waitResolved(r)) {
        return false;
      }
    }
  }

  // ------------------------------------------------------------------ messages

  @Override
  public void deliver(Context context, long header, long payload, long arrivalPs) {
    int r = Envelope.destRank(header);
    ranks.messageBalance[r]--;
    int source = Envelope.sourceRank(header);
    long bytes = Envelope.bytes(header, payload);
    long done = receiveHostTime(r, arrivalPs, bytes);
    switch (Envelope.kind(header)) {
      case Envelope.EAGER -> {
        int tag = Envelope.high(payload);
        int request = matchPosted(r, source, tag);
        if (request >= 0) {
          complete(request, done);
        } else {
          enqueueUnexpected(r, pool.allocMessage(source, tag, false, done, bytes));
        }
      }
      case Envelope.RTS -> {
        int tag = Envelope.high(payload);
        int senderRequest = (int) Envelope.low(payload);
        int request = matchPosted(r, source, tag);
        if (request >= 0) {
          sendClearToSend(r, source, senderRequest, request, done);
        } else {
          enqueueUnexpected(r, pool.allocMessage(source, tag, true, done, senderRequest));
        }
      }
      case Envelope.CTS -> {
        int senderRequest = Envelope.high(payload);
        int receiverRequest = (int) Envelope.low(payload);
        long size = pool.bytes[senderRequest];
        long sent =
            post(
                r,
                source,
                size,
                Envelope.header(source, r, Envelope.DATA),
                Envelope.payload(receiverRequest, size),
                done);
        complete(senderRequest, sent);
      }
      default -> complete(Envelope.high(payload), done);
    }
  }

  /** Charges the host's receive costs; returns when the rank has taken the message. */
  private long receiveHostTime(int r, long arrivalPs, long bytes) {
    int node = ranks.node[r];
    long cost = hostCosts.receiveOverheadPs(node, bytes);
    // While the rank computes, cpuFreePs tracks only these interrupts, so they queue one after
    // another; the time they take is added to the computation.
    long start = hostCosts.receiveStartPs(node, Math.max(arrivalPs, ranks.cpuFreePs[r]), bytes);
    long done = start + cost;
    ranks.cpuFreePs[r] = done;
    if (ranks.state[r] == RankTable.COMPUTING) {
      ranks.stolenPs[r] += cost;
    }
    return done;
  }

  /** Sends one message from rank {@code r}; returns its local completion time. */
  private long post(int r, int dest, long bytes, long header, long payload, long notBeforePs) {
    int sourceNode = ranks.node[r];
    long earliest = Math.max(notBeforePs, Math.max(ctx.nowPs(), ranks.cpuFreePs[r]));
    long start = hostCosts.sendStartPs(sourceNode, earliest, bytes);
    long ready = start + hostCosts.sendOverheadPs(sourceNode, bytes);
    ranks.cpuFreePs[r] = ready;
    ranks.messageBalance[r]++;
    return network.transmit(
        ctx, sourceNode, ranks.node[dest], start, ready, bytes, header, payload);
  }

  private void sendClearToSend(int r, int dest, int senderRequest, int request, long notBeforePs) {
    post(
        r,
        dest,
        0,
        Envelope.header(dest, r, Envelope.CTS),
        Envelope.payload(senderRequest, request),
        notBeforePs);
  }

  private static boolean matches(int wantSource, int wantTag, int source, int tag) {
    return (wantSource == ANY_SOURCE || wantSource == source)
        && (wantTag == tag || (wantTag == ANY_TAG && tag >= 0));
  }

  /** Finds, unlinks and returns the first posted receive of {@code r} matching; -1 if none. */
  private int matchPosted(int r, int source, int tag) {
    int prev = -1;
    for (int q = ranks.postedHead[r]; q >= 0; q = pool.next[q]) {
      if (matches(pool.peer[q], pool.tag[q], source, tag)) {
        int after = pool.next[q];
        if (prev < 0) {
          ranks.postedHead[r] = after;
        } else {
          pool.next[prev] = after;
        }
        if (ranks.postedTail[r] == q) {
          ranks.postedTail[r] = prev;
        }
        pool.next[q] = -1;
        return q;
      }
      prev = q;
    }
    return -1;
  }

  /** Finds, unlinks and returns the first unexpected message of {@code r} matching; -1 if none. */
  private int matchUnexpected(int r, int wantSource, int wantTag) {
    int prev = -1;
    for (int m = ranks.unexpectedHead[r]; m >= 0; m = pool.msgNext[m]) {
      if (matches(wantSource, wantTag, pool.msgSource[m], pool.msgTag[m])) {
        int after = pool.msgNext[m];
        if (prev < 0) {
          ranks.unexpectedHead[r] = after;
        } else {
          pool.msgNext[prev] = after;
        }
        if (ranks.unexpectedTail[r] == m) {
          ranks.unexpectedTail[r] = prev;
        }
        return m;
      }
      prev = m;
    }
    return -1;
  }

  private void enqueueUnexpected(int r, int m) {
    int tail = ranks.unexpectedTail[r];
    if (tail < 0) {
      ranks.unexpectedHead[r] = m;
    } else {
      pool.msgNext[tail] = m;
    }
    ranks.unexpectedTail[r] = m;
  }

  private void enqueuePosted(int r, int q) {
    int tail = ranks.postedTail[r];
    if (tail < 0) {
      ranks.postedHead[r] = q;
    } else {
      pool.next[tail] = q;
    }
    ranks.postedTail[r] = q;
  }

  /** A request has completed at {@code donePs} (possibly later than now). */
  private void complete(int request, long donePs) {
    pool.status[request] = RequestPool.COMPLETE;
    pool.donePs[request] = donePs;
    if (!pool.waited[request]) {
      return;
    }
    int r = pool.rank[request];
    pool.freeRequest(request);
    ranks.resumePs[r] = Math.max(ranks.resumePs[r], donePs);
    if (--ranks.pending[r] == 0) {
      long now = ctx.nowPs();
      ctx.schedule(Math.max(0, ranks.resumePs[r] - now), STEP, r, 0L, 0L);
    }
  }

  // ------------------------------------------------------------------ starting operations

  /** Starts a send; returns the request, or -1 for a collective's eager send (already counted). */
  private int startSend(int r, int dest, int tag, long bytes, boolean collective) {
    checkRank(dest, "sent to");
    checkBytes(bytes);
    if (bytes <= eagerThreshold) {
      long done =
          post(
              r,
              dest,
              bytes,
              Envelope.header(dest, r, Envelope.EAGER),
              Envelope.payload(tag, bytes),
              0);
      if (collective) {
        ranks.resumePs[r] = Math.max(ranks.resumePs[r], done);
        return -1;
      }
      int request = pool.allocRequest(RequestPool.SEND, r, dest, tag, bytes, false);
      pool.status[request] = RequestPool.COMPLETE;
      pool.donePs[request] = done;
      addActive(r, request);
      return request;
    }
    int request = pool.allocRequest(RequestPool.SEND, r, dest, tag, bytes, collective);
    track(r, request, collective);
    post(r, dest, 0, Envelope.header(dest, r, Envelope.RTS), Envelope.payload(tag, request), 0);
    return request;
  }

  /** Starts a receive; returns the request, or -1 for a collective's receive already satisfied. */
  private int startRecv(int r, int source, int tag, long bytes, boolean collective) {
    if (source != ANY_SOURCE) {
      checkRank(source, "receives from");
    }
    checkBytes(bytes);
    int m = matchUnexpected(r, source, tag);
    if (m >= 0 && !pool.msgRendezvous[m]) {
      long done = Math.max(ctx.nowPs(), pool.msgReadyPs[m]);
      pool.freeMessage(m);
      if (collective) {
        ranks.resumePs[r] = Math.max(ranks.resumePs[r], done);
        return -1;
      }
      int request = pool.allocRequest(RequestPool.RECV, r, source, tag, bytes, false);
      pool.status[request] = RequestPool.COMPLETE;
      pool.donePs[request] = done;
      addActive(r, request);
      return request;
    }
    int request = pool.allocRequest(RequestPool.RECV, r, source, tag, bytes, collective);
    track(r, request, collective);
    if (m >= 0) {
      int sender = pool.msgSource[m];
      int senderRequest = (int) pool.msgValue[m];
      long ready = pool.msgReadyPs[m];
      pool.freeMessage(m);
      sendClearToSend(r, sender, senderRequest, request, ready);
    } else {
      enqueuePosted(r, request);
    }
    return request;
  }

  private void track(int r, int request, boolean collective) {
    if (collective) {
      pool.waited[request] = true;
      ranks.pending[r]++;
    } else {
      addActive(r, request);
    }
  }

  private void addActive(int r, int request) {
    int head = ranks.activeHead[r];
    pool.activeNext[request] = head;
    pool.activePrev[request] = -1;
    if (head >= 0) {
      pool.activePrev[head] = request;
    }
    ranks.activeHead[r] = request;
  }

  private void removeActive(int r, int request) {
    int prev = pool.activePrev[request];
    int next = pool.activeNext[request];
    if (prev >= 0) {
      pool.activeNext[prev] = next;
    } else {
      ranks.activeHead[r] = next;
    }
    if (next >= 0) {
      pool.activePrev[next] = prev;
    }
  }

  /** Adds one user request to the rank's current wait. */
  private void waitOn(int r, int request) {
    removeActive(r, request);
    if (pool.status[request] == RequestPool.COMPLETE) {
      ranks.resumePs[r] = Math.max(ranks.resumePs[r], pool.donePs[request]);
      pool.freeRequest(request);
    } else {
      pool.waited[request] = true;
      ranks.pending[r]++;
    }
  }

  private void beginWait() {
    issueBlocking();
    ranks.state[rank] = RankTable.WAITING;
    ranks.resumePs[rank] = ctx.nowPs();
    ranks.pending[rank] = 0;
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

  private void checkRank(int other, String verb) {
    if (other < 0 || other >= ranks.size) {
      throw new IllegalArgumentException(
          "rank "
              + rank
              + " "
              + verb
              + " rank "
              + other
              + ", which does not exist (ranks 0.."
              + (ranks.size - 1)
              + ")");
    }
  }

  private void checkBytes(long bytes) {
    if (bytes < 0 || bytes > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "rank " + rank + ": message size " + bytes + " bytes is outside [0, 2^32)");
    }
  }

  private void checkTag(int tag) {
    if (tag < 0) {
      throw new IllegalArgumentException("rank " + rank + ": tag must be >= 0, was " + tag);
    }
  }

  private void beginCollective(Collective op, int root, long bytes) {
    issueBlocking();
    if (root < 0 || root >= ranks.size) {
      throw new IllegalArgumentException(
          "rank "
              + rank
              + ": "
              + op
              + " root "
              + root
              + " does not exist (ranks 0.."
              + (ranks.size - 1)
              + ")");
    }
    checkBytes(bytes);
    CollectiveAlgorithm algorithm = MpichSelector.select(op, ranks.size, bytes);
    ranks.state[rank] = RankTable.IN_COLLECTIVE;
    ranks.collAlgorithm[rank] = (byte) MpichSelector.id(algorithm);
    ranks.collStep[rank] = 0;
    ranks.collRoot[rank] = root;
    ranks.collBytes[rank] = bytes;
    ranks.collReduceBytes[rank] = 0;
    if (dataflow != null && dataflow.covers(algorithm, bytes)) {
      ranks.state[rank] = RankTable.IN_DATAFLOW;
      ranks.resumePs[rank] = ctx.nowPs();
      if (dataflow.enter(rank)) {
        // The last of its entry group reports for all of them: one event per group.
        ctx.sendTo(
            dataflow.component(),
            dataflow.reportDelayPs(),
            DataflowCollectives.ENTERED,
            rank,
            0,
            0);
      }
    }
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
    if (amount < 0) {
      throw new IllegalArgumentException("rank " + rank + ": compute amount must be >= 0");
    }
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
    checkTag(tag);
    return startSend(rank, dest, tag, bytes, false);
  }

  @Override
  public int irecv(int source, int tag, long bytes) {
    issueNonBlocking();
    if (tag != ANY_TAG) {
      checkTag(tag);
    }
    return startRecv(rank, source, tag, bytes, false);
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
    if (request < 0
        || request >= pool.requestCapacity()
        || pool.rank[request] != rank
        || pool.waited[request]
        || pool.collective[request]) {
      throw new IllegalArgumentException(
          "rank " + rank + " waits for request " + request + ", which it does not hold");
    }
    beginWait();
    waitOn(rank, request);
  }

  @Override
  public void waitall() {
    beginWait();
    int r = rank;
    while (ranks.activeHead[r] >= 0) {
      waitOn(r, ranks.activeHead[r]);
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

  // ------------------------------------------------------------------ StepPoster

  @Override
  public void send(int peer, long bytes) {
    startSend(rank, peer, COLLECTIVE_TAG, bytes, true);
  }

  @Override
  public void recv(int peer, long bytes) {
    startRecv(rank, peer, COLLECTIVE_TAG, bytes, true);
  }

  @Override
  public void reduce(long bytes) {
    ranks.collReduceBytes[rank] += bytes;
  }
}
