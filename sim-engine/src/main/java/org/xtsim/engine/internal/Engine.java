package org.xtsim.engine.internal;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.xtsim.engine.ProgressListener;
import org.xtsim.engine.RunStatistics;
import org.xtsim.engine.RunStatistics.StopReason;
import org.xtsim.engine.SimTime;

/**
 * Runs a {@link Topology}: sequentially with one partition (no synchronisation at all), or with one
 * worker thread per partition in conservative windows.
 */
public final class Engine {
  /** How many events a sequential run executes between looks at the clock and the stop flag. */
  private static final int SEQUENTIAL_CHECK_MASK = (1 << 14) - 1;

  private final Topology topology;
  private final long endTimePs;
  private final long[] sendSequence;
  private final long[] randomState;
  private final Partition[] partitions;
  private final WindowBarrier barrier;
  private final HelpBoard helpBoard;
  private final ProgressListener progressListener;
  private final long progressIntervalNanos;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stopRequested;

  // Written by worker 0 between windows, read at the end.
  private long windows;
  private final long[] waitNanos;
  private long startNanos;
  private long lastProgressNanos;

  /** Builds the partitions and, with more than one, the rings between every ordered pair. */
  public Engine(
      Topology topology,
      long seed,
      long endTimePs,
      int ringSlots,
      ProgressListener progressListener,
      long progressIntervalNanos) {
    this.topology = topology;
    this.endTimePs = endTimePs;
    int n = topology.componentCount();
    this.sendSequence = new long[n];
    this.randomState = new long[n];
    for (int id = 0; id < n; id++) {
      randomState[id] = RandomStreams.initialState(seed, id);
    }
    this.progressListener = progressListener;
    this.progressIntervalNanos = progressIntervalNanos;
    int p = topology.partitions;
    this.partitions = new Partition[p];
    this.waitNanos = new long[p];
    int initialCapacity = Math.max(64, n / p);
    for (int i = 0; i < p; i++) {
      partitions[i] =
          new Partition(i, topology, sendSequence, randomState, endTimePs, initialCapacity, this);
    }
    this.barrier = p > 1 ? new WindowBarrier(p) : null;
    this.helpBoard = p > 1 ? new HelpBoard() : null;
    if (p > 1) {
      wireRings(ringSlots);
    }
  }

  @SuppressWarnings("unchecked")
  private void wireRings(int ringSlots) {
    int p = partitions.length;
    RingBuffer<CrossEvent>[][] rings = new RingBuffer[p][p];
    Sequence[][] consumed = new Sequence[p][p];
    for (int from = 0; from < p; from++) {
      for (int to = 0; to < p; to++) {
        if (from != to) {
          // The wait strategy is never used: consumers poll the cursor between windows.
          RingBuffer<CrossEvent> ring =
              RingBuffer.createSingleProducer(
                  CrossEvent::new, ringSlots, new BusySpinWaitStrategy());
          Sequence done = new Sequence();
          ring.addGatingSequences(done);
          rings[from][to] = ring;
          consumed[to][from] = done;
        }
      }
    }
    for (int i = 0; i < p; i++) {
      RingBuffer<CrossEvent>[] inbound = new RingBuffer[p];
      for (int from = 0; from < p; from++) {
        inbound[from] = rings[from][i];
      }
      partitions[i].connect(rings[i], inbound, consumed[i]);
    }
  }

  /** Runs the simulation once. */
  public RunStatistics run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a simulation runs only once; build a new one");
    }
    startNanos = System.nanoTime();
    lastProgressNanos = startNanos;
    for (int id = 0; id < topology.componentCount(); id++) {
      partitions[topology.owner[id]].initComponent(id, partitions);
    }
    StopReason reason = partitions.length == 1 ? runSequential() : runParallel();
    long wall = System.nanoTime() - startNanos;
    long[] perThread = new long[partitions.length];
    long[] helpNanos = new long[partitions.length];
    long total = 0;
    long last = 0;
    for (int i = 0; i < partitions.length; i++) {
      perThread[i] = partitions[i].committed;
      helpNanos[i] = partitions[i].helpNanos;
      total += perThread[i];
      last = Math.max(last, partitions[i].lastEventTimePs);
    }
    if (progressListener != null) {
      progressListener.onProgress(last, endTimePs, total, wall);
    }
    return new RunStatistics(
        total,
        perThread,
        windows,
        waitNanos.clone(),
        helpNanos,
        wall,
        last,
        topology.lookaheadPs,
        reason);
  }

  private StopReason runSequential() {
    Partition part = partitions[0];
    EventQueue queue = part.queue;
    long end = endTimePs;
    long count = 0;
    while (queue.size() > 0) {
      long next = queue.peekTime();
      if (next >= end) {
        return StopReason.END_TIME;
      }
      if (next > part.stopAtPs) {
        return StopReason.STOP_REQUESTED;
      }
      part.executeNext();
      if ((++count & SEQUENTIAL_CHECK_MASK) == 0) {
        if (stopRequested && part.stopAtPs == SimTime.NEVER) {
          return StopReason.STOP_REQUESTED;
        }
        reportProgress(part.lastEventTimePs);
      }
    }
    return part.droppedBeyondEnd ? StopReason.END_TIME : StopReason.QUIESCENT;
  }

  private StopReason runParallel() {
    int p = partitions.length;
    Thread[] threads = new Thread[p];
    StopReason[] reason = new StopReason[1];
    for (int i = 1; i < p; i++) {
      int worker = i;
      threads[i] = new Thread(() -> workerLoop(worker, null), "xtsim-worker-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    workerLoop(0, reason);
    for (int i = 1; i < p; i++) {
      try {
        threads[i].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        barrier.abort();
        throw new IllegalStateException("interrupted while waiting for workers", e);
      }
    }
    Throwable cause = failure.get();
    if (cause != null) {
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
    return reason[0];
  }

  private void workerLoop(int worker, StopReason[] reasonOut) {
    Partition part = partitions[worker];
    long lookahead = topology.lookaheadPs;
    long end = endTimePs;
    StopReason reason;
    try {
      long start = arrive(worker, part, part.queue.peekTime());
      while (true) {
        if (barrier.stopDecided()) {
          reason = StopReason.STOP_REQUESTED;
          break;
        }
        if (start == SimTime.NEVER) {
          reason = anyDroppedBeyondEnd() ? StopReason.END_TIME : StopReason.QUIESCENT;
          break;
        }
        if (start >= end) {
          reason = StopReason.END_TIME;
          break;
        }
        long windowEnd = Math.min(SimTime.saturatingAdd(start, lookahead), end);
        part.minSentRemotePs = SimTime.NEVER;
        part.runUntil(windowEnd);
        long localMin = Math.min(part.queue.peekTime(), part.minSentRemotePs);
        start = arrive(worker, part, localMin);
        part.drainInbound();
        if (worker == 0) {
          windows++;
          reportProgress(start == SimTime.NEVER ? part.lastEventTimePs : start);
        }
      }
    } catch (WindowBarrier.AbortedException aborted) {
      return;
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
      barrier.abort();
      return;
    }
    if (reasonOut != null) {
      reasonOut[0] = reason;
    }
  }

  private long arrive(int worker, Partition part, long localMin) {
    long t0 = System.nanoTime();
    long next = barrier.arrive(worker, localMin, part);
    waitNanos[worker] += System.nanoTime() - t0;
    return next;
  }

  private boolean anyDroppedBeyondEnd() {
    for (Partition part : partitions) {
      if (part.droppedBeyondEnd) {
        return true;
      }
    }
    return false;
  }

  private void reportProgress(long simTimePs) {
    if (progressListener == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastProgressNanos >= progressIntervalNanos) {
      lastProgressNanos = now;
      long total = 0;
      for (Partition part : partitions) {
        total += part.committed; // a racy read is fine for progress reports
      }
      progressListener.onProgress(simTimePs, endTimePs, total, now - startNanos);
    }
  }

  /** Asks the run to stop at its next synchronisation point. */
  public void requestStop() {
    stopRequested = true;
    if (barrier != null) {
      barrier.requestStop();
    }
  }

  void checkAborted() {
    if (barrier != null && barrier.isAborted()) {
      throw new WindowBarrier.AbortedException();
    }
  }

  /** Where split events offer parts to idle workers; null with one partition. */
  HelpBoard helpBoard() {
    return helpBoard;
  }

  /** The window width. */
  public long lookaheadPs() {
    return topology.lookaheadPs;
  }

  /** A component's random-stream state. */
  public long randomState(int component) {
    return randomState[component];
  }

  /** Number of components. */
  public int componentCount() {
    return topology.componentCount();
  }
}
