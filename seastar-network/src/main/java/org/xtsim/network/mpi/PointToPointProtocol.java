package org.xtsim.network.mpi;

import org.xtsim.engine.Context;
import org.xtsim.network.Envelope;
import org.xtsim.network.MessageSink;
import org.xtsim.network.NetworkModel;

/**
 * The eager and rendezvous protocols of one engine partition: starting sends and receives, posting
 * messages to the network with the host's send costs, taking arriving messages with the host's
 * receive costs ({@link #deliver}), answering a request-to-send with a clear-to-send, and
 * completing requests. A message of at most the network's eager threshold goes at once; a larger
 * one sends a request-to-send (RTS), the receiver answers with a clear-to-send (CTS) once a
 * matching receive is posted, and the data follows.
 *
 * <p>Times: a rank's CPU is busy with MPI overheads until {@code cpuFreePs}; operations it issues
 * start then, which may be later than the event that issues them. A received message costs host
 * time when it arrives; if the rank is computing, that time is stolen from the computation, which
 * ends later by as much (receipt is interrupt-driven, as Portals on Catamount). Host work is timed
 * by {@link HostCosts#workEndPs}: a node's interruptions stop it, so an interrupted node takes a
 * message, answers a request-to-send or posts a send only when the interruption is over.
 */
final class PointToPointProtocol implements MessageSink {
  private final RankTable ranks;
  private final RequestPool pool;
  private final NetworkModel network;
  private final HostCosts hostCosts;
  private final long eagerThreshold;
  private final MessageMatching matching;
  private final RequestTracking tracking;

  PointToPointProtocol(
      RankTable ranks,
      RequestPool pool,
      NetworkModel network,
      HostCosts hostCosts,
      MessageMatching matching,
      RequestTracking tracking) {
    this.ranks = ranks;
    this.pool = pool;
    this.network = network;
    this.hostCosts = hostCosts;
    this.eagerThreshold = network.eagerThresholdBytes();
    this.matching = matching;
    this.tracking = tracking;
  }

  // ------------------------------------------------------------------ arriving messages

  @Override
  public void deliver(Context ctx, long header, long payload, long arrivalPs) {
    int r = Envelope.destRank(header);
    ranks.messageBalance[r]--;
    int source = Envelope.sourceRank(header);
    long bytes = Envelope.bytes(header, payload);
    long done = receiveHostTime(r, arrivalPs, bytes);
    switch (Envelope.kind(header)) {
      case Envelope.EAGER -> {
        int tag = Envelope.high(payload);
        int request = matching.matchPosted(r, source, tag);
        if (request >= 0) {
          complete(ctx, request, done);
        } else {
          matching.enqueueUnexpected(r, pool.allocMessage(source, tag, false, done, bytes));
        }
      }
      case Envelope.RTS -> {
        int tag = Envelope.high(payload);
        int senderRequest = (int) Envelope.low(payload);
        int request = matching.matchPosted(r, source, tag);
        if (request >= 0) {
          sendClearToSend(ctx, r, source, senderRequest, request, done);
        } else {
          matching.enqueueUnexpected(r, pool.allocMessage(source, tag, true, done, senderRequest));
        }
      }
      case Envelope.CTS -> {
        int senderRequest = Envelope.high(payload);
        int receiverRequest = (int) Envelope.low(payload);
        long size = pool.bytes[senderRequest];
        long sent = streamData(ctx, r, source, size, receiverRequest, senderRequest, done);
        if (sent != NetworkModel.COMPLETES_LATER) {
          complete(ctx, senderRequest, sent);
        }
      }
      default -> complete(ctx, Envelope.high(payload), done);
    }
  }

  /** Charges the host's receive costs; returns when the rank has taken the message. */
  private long receiveHostTime(int r, long arrivalPs, long bytes) {
    int node = ranks.node[r];
    long cost = hostCosts.receiveOverheadPs(node, bytes);
    // While the rank computes, cpuFreePs tracks only these interrupts, so they queue one after
    // another; the time they take is added to the computation.
    long start = hostCosts.receiveStartPs(node, Math.max(arrivalPs, ranks.cpuFreePs[r]), bytes);
    long done = hostCosts.workEndPs(node, start, cost);
    ranks.cpuFreePs[r] = done;
    if (ranks.state[r] == RankTable.COMPUTING) {
      ranks.stolenPs[r] += cost;
    }
    return done;
  }

  /** The data of the rendezvous send {@code request} has been read by its NIC at {@code donePs}. */
  @Override
  public void sent(Context ctx, int request, long donePs) {
    complete(ctx, request, donePs);
  }

  /** A request has completed at {@code donePs} (possibly later than now). */
  private void complete(Context ctx, int request, long donePs) {
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
      ctx.schedule(Math.max(0, ranks.resumePs[r] - now), PartitionWorker.STEP, r, 0L, 0L);
    }
  }

  // ------------------------------------------------------------------ outgoing messages

  /** Sends one message from rank {@code r}; returns its local completion time. */
  private long post(
      Context ctx, int r, int dest, long bytes, long header, long payload, long notBeforePs) {
    int sourceNode = ranks.node[r];
    long start = hostStart(ctx, r, bytes, notBeforePs);
    long ready = sendHostTime(r, start, bytes);
    ranks.messageBalance[r]++;
    return network.transmit(
        ctx, sourceNode, ranks.node[dest], start, ready, bytes, header, payload);
  }

  /**
   * Sends the data of rendezvous send {@code senderRequest} of rank {@code r} once the CTS is in;
   * the network may share the NIC's DMA engine between it and other long messages ({@link
   * NetworkModel#stream}). Returns its local completion time, or {@link
   * NetworkModel#COMPLETES_LATER} ({@link #sent} will say).
   */
  private long streamData(
      Context ctx,
      int r,
      int dest,
      long bytes,
      int receiverRequest,
      int senderRequest,
      long notBeforePs) {
    int sourceNode = ranks.node[r];
    long start = hostStart(ctx, r, bytes, notBeforePs);
    long ready = sendHostTime(r, start, bytes);
    ranks.messageBalance[r]++;
    return network.stream(
        ctx,
        sourceNode,
        ranks.node[dest],
        start,
        ready,
        bytes,
        Envelope.header(dest, r, Envelope.DATA),
        Envelope.payload(receiverRequest, bytes),
        senderRequest);
  }

  /** When rank {@code r}'s host may start sending {@code bytes}, not before {@code notBeforePs}. */
  /**
   * Charges the host's send costs of rank {@code r} from {@code startPs} (an interruption of the
   * node stops them); returns when the NIC may take the message. Sent by interrupt while the rank
   * computes (a clear-to-send, rendezvous data), the time is stolen from the computation.
   */
  private long sendHostTime(int r, long startPs, long bytes) {
    int node = ranks.node[r];
    long ready = hostCosts.workEndPs(node, startPs, hostCosts.sendOverheadPs(node, bytes));
    ranks.cpuFreePs[r] = ready;
    if (ranks.state[r] == RankTable.COMPUTING) {
      ranks.stolenPs[r] += ready - startPs;
    }
    return ready;
  }

  private long hostStart(Context ctx, int r, long bytes, long notBeforePs) {
    long earliest = Math.max(notBeforePs, Math.max(ctx.nowPs(), ranks.cpuFreePs[r]));
    return hostCosts.sendStartPs(ranks.node[r], earliest, bytes);
  }

  private void sendClearToSend(
      Context ctx, int r, int dest, int senderRequest, int request, long notBeforePs) {
    post(
        ctx,
        r,
        dest,
        0,
        Envelope.header(dest, r, Envelope.CTS),
        Envelope.payload(senderRequest, request),
        notBeforePs);
  }

  // ------------------------------------------------------------------ starting operations

  /**
   * Starts a send of rank {@code r}; returns the request, or -1 for a collective's eager send
   * (already counted in the rank's wait).
   */
  int startSend(Context ctx, int r, int dest, int tag, long bytes, boolean collective) {
    ArgumentChecks.checkRank(r, ranks.size, dest, "sent to");
    ArgumentChecks.checkBytes(r, bytes);
    if (bytes <= eagerThreshold) {
      long done =
          post(
              ctx,
              r,
              dest,
              bytes,
              Envelope.header(dest, r, Envelope.EAGER),
              Envelope.payload(tag, bytes),
              0);
      return completedAtOnce(r, RequestPool.SEND, dest, tag, bytes, done, collective);
    }
    int request = pool.allocRequest(RequestPool.SEND, r, dest, tag, bytes, collective);
    tracking.track(r, request, collective);
    post(
        ctx, r, dest, 0, Envelope.header(dest, r, Envelope.RTS), Envelope.payload(tag, request), 0);
    return request;
  }

  /**
   * An operation of rank {@code r} that completes as it starts (an eager send, a receive of a
   * message already here) at {@code donePs}: a collective's only moves the rank's resume time (-1),
   * anything else becomes a complete request.
   */
  private int completedAtOnce(
      int r, byte kind, int peer, int tag, long bytes, long donePs, boolean collective) {
    if (collective) {
      ranks.resumePs[r] = Math.max(ranks.resumePs[r], donePs);
      return -1;
    }
    int request = pool.allocRequest(kind, r, peer, tag, bytes, false);
    pool.status[request] = RequestPool.COMPLETE;
    pool.donePs[request] = donePs;
    tracking.addActive(r, request);
    return request;
  }

  /**
   * Starts a receive of rank {@code r}; returns the request, or -1 for a collective's receive
   * already satisfied.
   */
  int startRecv(Context ctx, int r, int source, int tag, long bytes, boolean collective) {
    if (source != Mpi.ANY_SOURCE) {
      ArgumentChecks.checkRank(r, ranks.size, source, "receives from");
    }
    ArgumentChecks.checkBytes(r, bytes);
    int m = matching.matchUnexpected(r, source, tag);
    if (m >= 0 && !pool.msgRendezvous[m]) {
      long done = Math.max(ctx.nowPs(), pool.msgReadyPs[m]);
      pool.freeMessage(m);
      return completedAtOnce(r, RequestPool.RECV, source, tag, bytes, done, collective);
    }
    int request = pool.allocRequest(RequestPool.RECV, r, source, tag, bytes, collective);
    tracking.track(r, request, collective);
    if (m >= 0) {
      int sender = pool.msgSource[m];
      int senderRequest = (int) pool.msgValue[m];
      long ready = pool.msgReadyPs[m];
      pool.freeMessage(m);
      sendClearToSend(ctx, r, sender, senderRequest, request, ready);
    } else {
      matching.enqueuePosted(r, request);
    }
    return request;
  }
}
