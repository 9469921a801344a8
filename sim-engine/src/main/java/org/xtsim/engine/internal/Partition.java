package org.xtsim.engine.internal;

import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.EventHandler;
import org.xtsim.engine.LookaheadViolationException;
import org.xtsim.engine.ParallelWork;
import org.xtsim.engine.RandomStream;
import org.xtsim.engine.SimTime;

/**
 * One worker's share of the simulation: its event queue, the rings to and from the other
 * partitions, and the flyweight that handlers see as {@link Event}, {@link Context} and {@link
 * RandomStream} (one object, reused for every event, so executing an event allocates nothing).
 */
final class Partition implements Context, Event, RandomStream, WindowBarrier.WaitWork {
  final int index;
  final EventQueue queue;

  private final Topology topology;
  private final EventHandler[] handlers;
  private final int[] owner;
  private final long[] sendSequence;
  private final long[] randomState;
  private final long endTimePs;
  private final Engine engine;

  /** Rings to each other partition (null at this partition's own index). */
  private RingBuffer<CrossEvent>[] outbound;

  /** Rings from each other partition, with the sequence this partition has consumed up to. */
  private RingBuffer<CrossEvent>[] inbound;

  private Sequence[] consumed;

  /** Set during the single-threaded init phase: remote events go straight into their queue. */
  private Partition[] initTargets;

  // The event being executed.
  private long nowPs;
  private int source;
  private int self;
  private int type;
  private long arg0;
  private long arg1;
  private long arg2;

  // The event being published to another partition, read by the translator.
  private long pendingTimePs;
  private long pendingSequence;
  private int pendingTarget;
  private int pendingType;
  private long pendingArg0;
  private long pendingArg1;
  private long pendingArg2;
  private final EventTranslator<CrossEvent> translator = this::translate;

  long committed;

  /** Wall time spent at the barrier running parts of other partitions' split events. */
  long helpNanos;

  long lastEventTimePs;
  long minSentRemotePs = SimTime.NEVER;
  boolean droppedBeyondEnd;
  long stopAtPs = SimTime.NEVER;

  Partition(
      int index,
      Topology topology,
      long[] sendSequence,
      long[] randomState,
      long endTimePs,
      int initialQueueCapacity,
      Engine engine) {
    this.index = index;
    this.topology = topology;
    this.handlers = topology.handlers;
    this.owner = topology.owner;
    this.sendSequence = sendSequence;
    this.randomState = randomState;
    this.endTimePs = endTimePs;
    this.engine = engine;
    this.queue = new EventQueue(initialQueueCapacity);
  }

  void connect(
      RingBuffer<CrossEvent>[] outbound, RingBuffer<CrossEvent>[] inbound, Sequence[] consumed) {
    this.outbound = outbound;
    this.inbound = inbound;
    this.consumed = consumed;
  }

  // ---------------------------------------------------------------- running

  void initComponent(int component, Partition[] all) {
    initTargets = all;
    nowPs = 0;
    self = component;
    source = component;
    handlers[component].init(this);
    initTargets = null;
  }

  /** Executes every queued event before {@code limitPs}. */
  void runUntil(long limitPs) {
    EventQueue q = queue;
    while (q.size() > 0 && q.peekTime() < limitPs) {
      executeNext();
    }
  }

  /** Executes the earliest queued event. */
  void executeNext() {
    EventQueue q = queue;
    int slot = q.takeEarliest();
    q.touchLikelyNext();
    long[] s = q.slots();
    int base = slot * EventQueue.STRIDE;
    nowPs = s[base + EventQueue.TIME];
    source = (int) s[base + EventQueue.SOURCE];
    self = (int) s[base + EventQueue.TARGET];
    type = (int) s[base + EventQueue.TYPE];
    arg0 = s[base + EventQueue.ARG0];
    arg1 = s[base + EventQueue.ARG1];
    arg2 = s[base + EventQueue.ARG2];
    q.release(slot);
    lastEventTimePs = nowPs;
    committed++;
    handlers[self].onEvent(this, this);
    q.settle();
  }

  /** Moves every event published to this partition into its queue. */
  void drainInbound() {
    RingBuffer<CrossEvent>[] rings = inbound;
    for (int p = 0; p < rings.length; p++) {
      RingBuffer<CrossEvent> ring = rings[p];
      if (ring == null) {
        continue;
      }
      Sequence done = consumed[p];
      long next = done.get() + 1;
      long available = ring.getCursor();
      if (available < next) {
        continue;
      }
      EventQueue q = queue;
      for (long seq = next; seq <= available; seq++) {
        CrossEvent e = ring.get(seq);
        q.push(e.timePs, e.source, e.sequence, e.target, e.type, e.arg0, e.arg1, e.arg2);
      }
      done.set(available);
    }
  }

  @Override
  public boolean whileWaiting() {
    drainInbound();
    HelpBoard board = engine.helpBoard();
    if (board == null || !board.hasOffer()) {
      return false;
    }
    long t0 = System.nanoTime();
    boolean helped = board.help();
    helpNanos += System.nanoTime() - t0;
    return helped;
  }

  // ---------------------------------------------------------------- Event

  @Override
  public long timePs() {
    return nowPs;
  }

  @Override
  public int source() {
    return source;
  }

  @Override
  public int target() {
    return self;
  }

  @Override
  public int type() {
    return type;
  }

  @Override
  public long arg0() {
    return arg0;
  }

  @Override
  public long arg1() {
    return arg1;
  }

  @Override
  public long arg2() {
    return arg2;
  }

  // ---------------------------------------------------------------- Context

  @Override
  public long nowPs() {
    return nowPs;
  }

  @Override
  public int self() {
    return self;
  }

  @Override
  public RandomStream random() {
    return this;
  }

  @Override
  public void schedule(long delayPs, int type, long arg0, long arg1, long arg2) {
    if (delayPs < 0) {
      throw new IllegalArgumentException(
          "component " + self + " scheduled an event with negative delay " + delayPs + " ps");
    }
    deliver(self, SimTime.saturatingAdd(nowPs, delayPs), type, arg0, arg1, arg2);
  }

  @Override
  public void send(int linkId, long delayPs, int type, long arg0, long arg1, long arg2) {
    Topology t = topology;
    if (linkId < 0 || linkId >= t.linkFrom.length) {
      throw new IllegalArgumentException(
          "component " + self + " sent over link " + linkId + ", which does not exist");
    }
    if (t.linkFrom[linkId] != self) {
      throw new IllegalArgumentException(
          "component "
              + self
              + " sent over "
              + t.linkName(linkId)
              + ", which starts at component "
              + t.linkFrom[linkId]);
    }
    int target = t.linkTo[linkId];
    long latency = t.linkLatencyPs[linkId];
    if (delayPs < latency) {
      throw new LookaheadViolationException(
          self, target, nowPs, delayPs, latency, t.linkName(linkId));
    }
    deliver(target, SimTime.saturatingAdd(nowPs, delayPs), type, arg0, arg1, arg2);
  }

  @Override
  public void sendTo(int target, long delayPs, int type, long arg0, long arg1, long arg2) {
    Topology t = topology;
    if (t.anyToAnyLatencyPs < 0) {
      throw new IllegalStateException(
          "component "
              + self
              + " used sendTo, but no any-to-any latency was declared (SimulationBuilder"
              + ".connectAll)");
    }
    if (target < 0 || target >= owner.length) {
      throw new IllegalArgumentException(
          "component " + self + " sent to component " + target + ", which does not exist");
    }
    if (delayPs < t.anyToAnyLatencyPs) {
      throw new LookaheadViolationException(
          self, target, nowPs, delayPs, t.anyToAnyLatencyPs, "the any-to-any connection");
    }
    deliver(target, SimTime.saturatingAdd(nowPs, delayPs), type, arg0, arg1, arg2);
  }

  @Override
  public void runParts(ParallelWork work, int parts) {
    HelpBoard board = engine.helpBoard();
    if (parts > 1 && board != null && board.run(work, parts, engine)) {
      return;
    }
    for (int part = 0; part < parts; part++) {
      work.runPart(part);
    }
  }

  @Override
  public long linkLatencyPs(int linkId) {
    return topology.linkLatencyPs[linkId];
  }

  @Override
  public void requestStop() {
    if (stopAtPs == SimTime.NEVER) {
      stopAtPs = nowPs;
    }
    engine.requestStop();
  }

  private void deliver(int target, long timePs, int type, long arg0, long arg1, long arg2) {
    long sequence = sendSequence[self]++;
    if (timePs >= endTimePs) {
      droppedBeyondEnd = true;
      return;
    }
    int partition = owner[target];
    if (partition == index) {
      queue.push(timePs, self, sequence, target, type, arg0, arg1, arg2);
    } else if (initTargets != null) {
      initTargets[partition].queue.push(timePs, self, sequence, target, type, arg0, arg1, arg2);
    } else {
      publish(partition, timePs, sequence, target, type, arg0, arg1, arg2);
    }
  }

  private void publish(
      int partition,
      long timePs,
      long sequence,
      int target,
      int type,
      long arg0,
      long arg1,
      long arg2) {
    pendingTimePs = timePs;
    pendingSequence = sequence;
    pendingTarget = target;
    pendingType = type;
    pendingArg0 = arg0;
    pendingArg1 = arg1;
    pendingArg2 = arg2;
    if (timePs < minSentRemotePs) {
      minSentRemotePs = timePs;
    }
    RingBuffer<CrossEvent> ring = outbound[partition];
    while (!ring.tryPublishEvent(translator)) {
      // The receiver has not drained yet; drain our own inbox meanwhile so that two partitions
      // blocked on each other's full rings still make progress.
      drainInbound();
      engine.checkAborted();
      Thread.onSpinWait();
    }
  }

  private void translate(CrossEvent slot, long ringSequence) {
    slot.timePs = pendingTimePs;
    slot.sequence = pendingSequence;
    slot.source = self;
    slot.target = pendingTarget;
    slot.type = pendingType;
    slot.arg0 = pendingArg0;
    slot.arg1 = pendingArg1;
    slot.arg2 = pendingArg2;
  }

  // ---------------------------------------------------------------- RandomStream

  @Override
  public long nextLong() {
    long state = randomState[self] + RandomStreams.GOLDEN_GAMMA;
    randomState[self] = state;
    return RandomStreams.mix64(state);
  }

  @Override
  public long state() {
    return randomState[self];
  }
}
