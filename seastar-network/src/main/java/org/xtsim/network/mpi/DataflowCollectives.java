package org.xtsim.network.mpi;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.EventHandler;
import org.xtsim.engine.ParallelWork;
import org.xtsim.network.IdleLinkTiming;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.collectives.CollectiveAlgorithm;
import org.xtsim.network.collectives.MpichSelector;
import org.xtsim.network.collectives.StepPoster;

/**
 * The coordinator of {@link CollectiveTiming#DATAFLOW}: one engine component of its own. A rank
 * that enters a covered collective blocks; when the last of an entry group's ranks has entered
 * ({@link EntryGroups}: a fixed number of node blocks, each inside one partition), that rank tells
 * the coordinator (one event per group, sent with the network's lookahead, so the coordinator hears
 * of the last entry one lookahead after it). When every group has reported, the coordinator
 * evaluates the whole collective round by round, with the same algorithm ({@link
 * CollectiveAlgorithm#postStep}) and the same per-message formulas as the message-level path, and
 * sends each rank one event at the time its part of the collective ends.
 *
 * <p>Each round runs in phases over aligned, power-of-two blocks of ranks, which idle worker
 * threads may share ({@link Context#runParts}): posting (per rank), sends (per block wide enough to
 * hold every message of the round, found from the widest rank distance {@code r ^ peer} the posting
 * phase saw; when that distance is one bit d, every message joins a rank and its partner {@code r ^
 * d}, and the round is cut into parts of whole pairs instead, see {@link #pairsSplit}) and receives
 * (per rank; each rank then posts the next round in the same phase, while its state is at hand, so
 * a round after the first costs two phases). A phase's parts touch disjoint ranks and nodes, and
 * each part is walked in rank order, so the result is the one a single thread gets.
 *
 * <p>In a round, each live rank starts at the end of its previous round, pays the reduction of that
 * round, posts its send (host send overhead from when its CPU is free, then the NIC's timing via
 * {@link IdleLinkTiming.MessageTiming#send}), then takes its one incoming message ({@link
 * IdleLinkTiming.MessageTiming#receive}, then the host receive overhead from when its CPU is free);
 * the round ends for it when both its send has completed locally and its receive is done. A message
 * that reached the rank's router before the round began is taken first, as the message level's
 * interrupt would have taken it before the rank posted the round. Where the two still differ: the
 * message level takes a message that arrives while the rank computes, or while it waits for an
 * earlier round, at once (stealing from the computation); here it is taken in its own round, and
 * the NIC handles a rank's incoming messages in round order rather than arrival order.
 *
 * <p>Why the coordinator may touch the nodes' state from its own thread: when every rank has
 * entered and no message is in flight (checked: the ranks' sent and delivered counts balance), no
 * event can run on any of the collective's nodes until the coordinator's completion events reach
 * them. The entry events order each node's last writes before the pass, and the completion events
 * order the pass's writes before each node's next event.
 *
 * <p>Why the completion events respect the lookahead L = o_s + f_s + hop (host send overhead, NIC
 * send processing, one hop): a round costs a rank at least o_s + max(f_s, o_r) (it sends, and takes
 * one message, o_r the host receive overhead), and a covered collective has at least two rounds. So
 * the last rank to enter ends at least 2(o_s + max(f_s, o_r)) after its entry, and every other rank
 * at least one message (≥ L + o_r) plus one round after it; both are ≥ 2L when o_r ≥ f_s + hop,
 * which the job checks. The coordinator hears of the last entry L after it, so each completion
 * event is at least L ahead of the coordinator's clock (checked again when sent).
 */
final class DataflowCollectives implements EventHandler {
  /** The last of an entry group's ranks has entered a collective: arg0 = that rank. */
  static final int ENTERED = 1;

  /** Collectives over fewer ranks have a single round, too short to hide the lookahead. */
  static final int MIN_RANKS = 4;

  private final RankTable ranks;
  private final NetworkModel network;
  private final IdleLinkTiming timing;
  private final HostCosts hostCosts;
  private final double reducePsPerByte;
  private final long eagerThreshold;
  private final int component;

  /** Who sends to each rank in the current round (-1 = nobody), and when the message arrives. */
  private final int[] inFrom;

  private final long[] inHeadPs;
  private final long[] inTailPs;

  /** Whom each rank receives from in the current round, -1 = nobody. */
  private final int[] expectFrom;

  /** Whom each rank sends to in the current round, -1 = nobody. */
  private final int[] outPeer;

  /** When each rank began the current round. */
  private final long[] stepStartPs;

  /** The round whose send each rank has been timed for. */
  private final int[] timedStep;

  /** Scratch: a chain of senders to time, latest first; a block uses its own ranks' slots. */
  private final int[] chain;

  private final long lookaheadPs;

  /** The entry groups, how many of each group's ranks have entered (padded), and the reports. */
  private final EntryGroups groups;

  private final int[] enteredOfGroup;
  private int reported;

  /** Ints between two groups' entry counts, so that two threads never write one cache line. */
  private static final int COUNT_PAD = 16;

  /** Ranks per block of the posting and receiving phases: a power of two (log2). */
  private final int blockShift;

  /** Per-block scratch, one per block of {@code 1 << blockShift} ranks. */
  private final Block[] blocks;

  // The phase being run in parts, read by the blocks.
  private final ParallelWork phaseWork = this::runPhasePart;
  private int phase;
  private int phaseShift;
  private int phaseStep;
  private CollectiveAlgorithm phaseAlgorithm;
  private long phaseBytes;
  private int phaseRoot;

  private static final int POST = 0;
  private static final int SEND = 1;
  private static final int RECEIVE = 2;
  private static final int SEND_PAIRS = 3;

  /** The distance of every message of the round a {@link #SEND_PAIRS} phase times. */
  private int phaseDistance;

  /** Whether the current {@link #RECEIVE} phase also posts the next step (ranks are still live). */
  private boolean phasePostsNext;

  /** Fewest ranks worth a block of their own: smaller blocks cost more to hand out than to run. */
  static final int MIN_BLOCK_RANKS = 512;

  /** Most blocks a phase is cut into: enough to share among a workstation's threads. */
  static final int MAX_BLOCKS = 32;

  /** The current collective's messages, and the last two sizes' timings (allreduce, barrier). */
  private IdleLinkTiming.MessageTiming messages;

  private IdleLinkTiming.MessageTiming recentMessages;

  /** Host overheads of the current collective's messages when the same on every node, else -1. */
  private long sendOverheadPs;

  private long receiveOverheadPs;

  /**
   * @param component this coordinator's engine component id
   * @throws IllegalArgumentException if the network or the placement does not allow the timing
   */
  DataflowCollectives(
      RankTable ranks,
      NetworkModel network,
      HostCosts hostCosts,
      double reducePsPerByte,
      int component,
      EntryGroups groups) {
    this.ranks = ranks;
    this.groups = groups;
    this.network = network;
    this.timing = network.idleLinkTiming();
    this.hostCosts = hostCosts;
    this.reducePsPerByte = reducePsPerByte;
    this.eagerThreshold = network.eagerThresholdBytes();
    this.component = component;
    if (timing == null) {
      throw new IllegalArgumentException(
          "dataflow collective timing needs a network with idle-link timing"
              + " (SeaStar with link_contention=false)");
    }
    boolean[] used = new boolean[network.nodes()];
    for (int node : ranks.node) {
      if (used[node]) {
        throw new IllegalArgumentException(
            "dataflow collective timing needs one rank per node (node "
                + node
                + " holds more than one)");
      }
      used[node] = true;
    }
    long sendPath = timing.lookaheadPs() - network.sendOverheadPs(0);
    if (network.receiveOverheadPs(0) < sendPath) {
      throw new IllegalArgumentException(
          "dataflow collective timing needs the host receive overhead ("
              + network.receiveOverheadPs(0)
              + " ps) to be at least the NIC send processing plus one hop ("
              + sendPath
              + " ps), so that a collective never ends sooner than the lookahead allows");
    }
    int size = ranks.size;
    inFrom = new int[size];
    expectFrom = new int[size];
    inHeadPs = new long[size];
    inTailPs = new long[size];
    outPeer = new int[size];
    stepStartPs = new long[size];
    timedStep = new int[size];
    chain = new int[size];
    lookaheadPs = timing.lookaheadPs();
    blockShift = blockShift(size);
    blocks = new Block[(size + (1 << blockShift) - 1) >> blockShift];
    for (int b = 0; b < blocks.length; b++) {
      blocks[b] = new Block();
    }
    enteredOfGroup = new int[groups.count() * COUNT_PAD];
    java.util.Arrays.fill(inFrom, -1);
    java.util.Arrays.fill(expectFrom, -1);
    java.util.Arrays.fill(outPeer, -1);
  }

  /**
   * Log2 of the ranks per block: at least {@link #MIN_BLOCK_RANKS}, and few enough blocks for
   * {@link #MAX_BLOCKS}.
   */
  static int blockShift(int ranks) {
    int minShift = Integer.numberOfTrailingZeros(MIN_BLOCK_RANKS);
    int ceilLog2 = ranks <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(ranks - 1);
    int maxBlocksLog2 = Integer.numberOfTrailingZeros(MAX_BLOCKS);
    return Math.max(minShift, ceilLog2 - maxBlocksLog2);
  }

  /**
   * Counts {@code rank}'s entry into a covered collective; true if it is the last of its entry
   * group and must report ({@link #ENTERED}). Called on the thread of the rank's partition, which
   * holds the whole group.
   */
  boolean enter(int rank) {
    int group = groups.groupOf(rank);
    int slot = group * COUNT_PAD;
    if (++enteredOfGroup[slot] < groups.size(group)) {
      return false;
    }
    enteredOfGroup[slot] = 0;
    return true;
  }

  /** The engine component the ranks report to. */
  int component() {
    return component;
  }

  /** The delay of an entry report: the network's lookahead. */
  long reportDelayPs() {
    return lookaheadPs;
  }

  /** True if a collective run with {@code algorithm} on {@code bytes} is evaluated here. */
  boolean covers(CollectiveAlgorithm algorithm, long bytes) {
    return algorithm.matchedSteps()
        && ranks.size >= MIN_RANKS
        && bytes <= eagerThreshold
        && bytes <= timing.maxMessageBytes();
  }

  @Override
  public void onEvent(Event event, Context ctx) {
    if (event.type() != ENTERED) {
      throw new IllegalStateException("collective coordinator got event type " + event.type());
    }
    if (++reported < groups.count()) {
      return;
    }
    reported = 0;
    checkEntries(ctx.nowPs());
    evaluate(ctx);
    long now = ctx.nowPs();
    for (int r = 0; r < ranks.size; r++) {
      long delay = ranks.resumePs[r] - now;
      if (delay < lookaheadPs) {
        throw new IllegalStateException(
            "rank "
                + r
                + " ends the collective "
                + delay
                + " ps after the last entry was heard of, sooner than the lookahead ("
                + lookaheadPs
                + " ps)");
      }
      ctx.sendTo(ranks.node[r], delay, PartitionWorker.DATAFLOW_DONE, r, 0L, 0L);
    }
  }

  /**
   * One pass over the ranks: all entered the same collective, and no message is in flight (the
   * ranks' sent and delivered counts balance).
   */
  private void checkEntries(long nowPs) {
    long inFlight = ranks.messageBalance[0];
    for (int r = 1; r < ranks.size; r++) {
      inFlight += ranks.messageBalance[r];
      if (ranks.collAlgorithm[r] != ranks.collAlgorithm[0]
          || ranks.collBytes[r] != ranks.collBytes[0]
          || ranks.collRoot[r] != ranks.collRoot[0]) {
        throw new IllegalStateException(
            "ranks 0 and "
                + r
                + " entered different collectives ("
                + MpichSelector.byId(ranks.collAlgorithm[0]).name()
                + " of "
                + ranks.collBytes[0]
                + " B, "
                + MpichSelector.byId(ranks.collAlgorithm[r]).name()
                + " of "
                + ranks.collBytes[r]
                + " B)");
      }
    }
    if (inFlight != 0) {
      throw new IllegalStateException(
          inFlight
              + " message(s) were still in flight when the last rank entered "
              + MpichSelector.byId(ranks.collAlgorithm[0]).name()
              + " (at "
              + nowPs
              + " ps); dataflow collective timing needs a quiet network there: use message-level"
              + " collective timing for this program");
    }
  }

  /** Runs every round of the collective; leaves each rank's end in {@code ranks.resumePs}. */
  private void evaluate(Context ctx) {
    int size = ranks.size;
    phaseAlgorithm = MpichSelector.byId(ranks.collAlgorithm[0]);
    phaseBytes = ranks.collBytes[0];
    phaseRoot = ranks.collRoot[0];
    useMessagesOf(phaseBytes);
    java.util.Arrays.fill(timedStep, -1);
    int live = size;
    phaseStep = 0;
    phasePostsNext = true;
    runPhase(ctx, POST, blockShift);
    for (int step = 0; ; step++) {
      int widest = 0;
      for (Block block : blocks) {
        live -= block.finished;
        widest |= block.widestDistance;
      }
      phaseStep = step;
      // Ranks r and q share an aligned block of 2^k ranks when r ^ q < 2^k.
      int sendShift = Math.max(blockShift, 32 - Integer.numberOfLeadingZeros(widest));
      if (sendShift > blockShift && pairsSplit(widest, size)) {
        phaseDistance = widest;
        runPhase(ctx, SEND_PAIRS, blockShift);
      } else {
        runPhase(ctx, SEND, sendShift);
      }
      // Each rank takes this step's message and, while its state is at hand, posts the next step.
      phasePostsNext = live > 0;
      runPhase(ctx, RECEIVE, blockShift);
      if (!phasePostsNext) {
        return;
      }
    }
  }

  private void runPhase(Context ctx, int which, int shift) {
    phase = which;
    phaseShift = shift;
    int size = ranks.size;
    int parts = shift >= 31 ? 1 : (int) (((long) size + (1L << shift) - 1) >> shift);
    ctx.runParts(phaseWork, parts);
  }

  /**
   * True if a round whose messages all go between ranks {@code r} and {@code r ^ widest} can be cut
   * by pairs rather than by blocks that hold both ends of every message: {@code widest} (the OR of
   * every rank's {@code r ^ peer}) is a single bit d, so every message of the round joins a rank
   * and its partner {@code r ^ d}, and the job's ranks are whole runs of 2d, so every rank has its
   * partner. A pair's chain of early arrivals stays inside the pair (each rank hears from its
   * partner alone), so a part made of whole pairs holds everything its walk touches: the ranks,
   * their nodes, and the chain slots from its lowest rank. The recursive doubling's last rounds on
   * a power-of-two job, which would otherwise run as one block, are cut this way.
   */
  static boolean pairsSplit(int widest, int ranks) {
    return Integer.bitCount(widest) == 1 && ranks % (2L * widest) == 0;
  }

  /**
   * One part of the current phase: ranks {@code [part << phaseShift, ...)}; for {@link
   * #SEND_PAIRS}, the pairs whose lower ranks are the part's share of the ranks without bit d, in
   * order.
   */
  private void runPhasePart(int part) {
    int size = ranks.size;
    long from = (long) part << phaseShift;
    int first = (int) from;
    int end = (int) Math.min(size, from + (1L << phaseShift));
    Block block = blocks[part];
    int step = phaseStep;
    if (phase == POST) {
      post(block, first, end, step);
    } else if (phase == SEND) {
      for (int r = first; r < end; r++) {
        if (outPeer[r] >= 0 || expectFrom[r] >= 0) {
          timeSends(block, first, r, step);
        }
      }
    } else if (phase == SEND_PAIRS) {
      // The part's pairs (r, r ^ d): the lower ranks [low, low + half), then their partners.
      int d = phaseDistance;
      int half = 1 << (phaseShift - 1);
      int c = part * half;
      int low = ((c & ~(d - 1)) << 1) | (c & (d - 1));
      for (int r = low; r < low + half; r++) {
        if (outPeer[r] >= 0 || expectFrom[r] >= 0) {
          timeSends(block, low, r, step);
        }
      }
      for (int r = low + d; r < low + d + half; r++) {
        if (outPeer[r] >= 0 || expectFrom[r] >= 0) {
          timeSends(block, low, r, step);
        }
      }
    } else {
      boolean postNext = phasePostsNext;
      block.finished = 0;
      block.widestDistance = 0;
      for (int r = first; r < end; r++) {
        if (expectFrom[r] >= 0 || inFrom[r] >= 0) {
          receive(r, step);
        }
        if (postNext) {
          postRank(block, r, step + 1);
        }
      }
    }
  }

  /** Each live rank of the block starts the step where it ended the last, reduces, and posts. */
  private void post(Block block, int first, int end, int step) {
    block.finished = 0;
    block.widestDistance = 0;
    for (int r = first; r < end; r++) {
      postRank(block, r, step);
    }
  }

  /** Rank {@code r}, if still in the collective, starts {@code step}: it reduces and posts. */
  private void postRank(Block block, int r, int step) {
    if (ranks.collStep[r] < 0) {
      return;
    }
    long now = ranks.resumePs[r];
    stepStartPs[r] = now;
    long reduce = ranks.collReduceBytes[r];
    if (reduce > 0) {
      ranks.cpuFreePs[r] =
          hostCosts.workEndPs(
              ranks.node[r], Math.max(now, ranks.cpuFreePs[r]), block.reduceCostPs(reduce));
      ranks.collReduceBytes[r] = 0;
    }
    block.postingRank = r;
    if (phaseAlgorithm.postStep(r, ranks.size, phaseRoot, phaseBytes, step, block)
        == CollectiveAlgorithm.DONE) {
      ranks.collStep[r] = -1;
      block.finished++;
    } else {
      ranks.collStep[r] = step + 1;
    }
    if (outPeer[r] >= 0) {
      block.widestDistance |= r ^ outPeer[r];
    }
    if (expectFrom[r] >= 0) {
      block.widestDistance |= r ^ expectFrom[r];
    }
  }

  /**
   * Times the step of rank {@code r}: its send, and first its receive if the message reached it
   * before the step began (the message level takes such a message by interrupt, before the rank
   * posts the step). That message's sender started the step at least one lookahead earlier, so it
   * is timed first, and so on back along the chain of senders; the chain is finite because the step
   * starts fall strictly along it, and it stays inside the block, which holds every message of the
   * step. The chain uses the block's own slots of {@code chain}, from {@code chainBase}.
   */
  private void timeSends(Block block, int chainBase, int r, int step) {
    int depth = chainBase;
    int x = r;
    while (timedStep[x] != step) {
      timedStep[x] = step;
      chain[depth++] = x;
      int sender = expectFrom[x];
      if (sender < 0 || stepStartPs[sender] + lookaheadPs > stepStartPs[x]) {
        break;
      }
      x = sender;
    }
    while (depth > chainBase) {
      int y = chain[--depth];
      int sender = expectFrom[y];
      if (sender >= 0 && inFrom[y] == sender && arrivedBeforeStep(sender, y)) {
        receive(y, step);
      }
      if (outPeer[y] >= 0) {
        send(block, y);
      }
    }
  }

  /**
   * True if the message from {@code sender} reached {@code r}'s router before {@code r}'s step
   * began; at the same time, in the engine's order (the lower source component first).
   */
  private boolean arrivedBeforeStep(int sender, int r) {
    long head = inHeadPs[r];
    long start = stepStartPs[r];
    return head < start || (head == start && ranks.node[sender] < ranks.node[r]);
  }

  /**
   * Sets up the timing of {@code bytes}-byte messages: every message of a covered collective has
   * the collective's size.
   */
  private void useMessagesOf(long bytes) {
    if (messages == null || messages.bytes() != bytes) {
      IdleLinkTiming.MessageTiming previous = messages;
      messages =
          recentMessages != null && recentMessages.bytes() == bytes
              ? recentMessages
              : timing.messages(bytes);
      recentMessages = previous;
    }
    boolean uniform = hostCosts.sameOnEveryNode();
    sendOverheadPs = uniform ? hostCosts.sendOverheadPs(0, bytes) : -1;
    receiveOverheadPs = uniform ? hostCosts.receiveOverheadPs(0, bytes) : -1;
  }

  /** Rank {@code r} takes this step's message: NIC receive, then the host's receive overhead. */
  private void receive(int r, int step) {
    if (inFrom[r] != expectFrom[r]) {
      throw new IllegalStateException(
          phaseAlgorithm.name()
              + " step "
              + step
              + ": rank "
              + r
              + " receives from "
              + expectFrom[r]
              + " but is sent to by "
              + inFrom[r]
              + "; it cannot be timed in lockstep rounds");
    }
    int node = ranks.node[r];
    long bytes = messages.bytes();
    long nicDone = messages.receive(node, inHeadPs[r], inTailPs[r]);
    long cost =
        receiveOverheadPs >= 0 ? receiveOverheadPs : hostCosts.receiveOverheadPs(node, bytes);
    long start = hostCosts.receiveStartPs(node, Math.max(nicDone, ranks.cpuFreePs[r]), bytes);
    long done = hostCosts.workEndPs(node, start, cost);
    ranks.cpuFreePs[r] = done;
    ranks.resumePs[r] = Math.max(ranks.resumePs[r], done);
    inFrom[r] = -1;
    expectFrom[r] = -1;
  }

  /** Rank {@code r} posts this step's send: host send overhead, then the NIC. */
  private void send(Block block, int r) {
    long[] arrivalPs = block.arrivalPs;
    int peer = outPeer[r];
    long bytes = messages.bytes();
    outPeer[r] = -1;
    if (inFrom[peer] >= 0) {
      throw new IllegalStateException(
          "rank " + peer + " is sent two messages in one step; not a lockstep collective");
    }
    int node = ranks.node[r];
    long start = hostCosts.sendStartPs(node, Math.max(stepStartPs[r], ranks.cpuFreePs[r]), bytes);
    long cost = sendOverheadPs >= 0 ? sendOverheadPs : hostCosts.sendOverheadPs(node, bytes);
    long ready = hostCosts.workEndPs(node, start, cost);
    ranks.cpuFreePs[r] = ready;
    long sent = messages.send(node, ranks.node[peer], ready, arrivalPs);
    ranks.resumePs[r] = Math.max(ranks.resumePs[r], sent);
    inFrom[peer] = r;
    inHeadPs[peer] = arrivalPs[0];
    inTailPs[peer] = arrivalPs[1];
  }

  // ------------------------------------------------------------------ blocks

  /** A block's scratch, and the {@link StepPoster} its ranks post through. */
  private final class Block implements StepPoster {
    final long[] arrivalPs = new long[2];
    int postingRank;
    int finished;
    int widestDistance;
    private long reduceBytesCached = -1;
    private long reduceCostPs;

    /** The reduction of {@code bytes}, as the message-level path charges it. */
    long reduceCostPs(long bytes) {
      if (bytes != reduceBytesCached) {
        reduceBytesCached = bytes;
        reduceCostPs = Math.round(bytes * reducePsPerByte);
      }
      return reduceCostPs;
    }

    @Override
    public void send(int peer, long bytes) {
      int r = postingRank;
      if (outPeer[r] >= 0) {
        throw new IllegalStateException(
            "rank " + r + " sends twice in one step; not a lockstep collective");
      }
      if (bytes != messages.bytes()) {
        throw new IllegalStateException(
            "rank "
                + r
                + " sends "
                + bytes
                + " B in a collective of "
                + messages.bytes()
                + " B messages; not a lockstep collective");
      }
      outPeer[r] = peer;
    }

    @Override
    public void recv(int peer, long bytes) {
      int r = postingRank;
      if (expectFrom[r] >= 0) {
        throw new IllegalStateException(
            "rank " + r + " receives twice in one step; not a lockstep collective");
      }
      expectFrom[r] = peer;
    }

    @Override
    public void reduce(long bytes) {
      ranks.collReduceBytes[postingRank] += bytes;
    }
  }
}
