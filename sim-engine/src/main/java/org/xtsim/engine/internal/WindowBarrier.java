package org.xtsim.engine.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.xtsim.engine.SimTime;

/**
 * The barrier that ends a window: every worker arrives with the smallest time it still holds or has
 * sent; the last to arrive reduces them to the start of the next window and releases the others.
 * While they wait, workers run a callback (draining their inbound rings, so that a sender blocked
 * on a full ring always makes progress, and taking parts of a split event's work). Waiting spins
 * briefly, then yields, so that runs with more threads than cores still advance; a worker that
 * found work spins afresh, as a split event tends to offer more soon.
 */
final class WindowBarrier {
  /** Padding, in longs, between per-worker slots so that they do not share a cache line. */
  private static final int PAD = 16;

  private static final int SPINS_BEFORE_YIELD = 256;

  private final int parties;
  private final AtomicInteger arrived = new AtomicInteger();
  private final long[] localMinPs;
  private volatile int generation;
  private volatile long nextStartPs;
  private volatile boolean stopDecided;
  private volatile boolean aborted;
  private volatile boolean stopRequested;
  private final boolean spin;

  WindowBarrier(int parties) {
    this.parties = parties;
    this.localMinPs = new long[parties * PAD];
    this.spin = parties <= Runtime.getRuntime().availableProcessors();
  }

  /** The interface a waiting worker calls while it waits. */
  interface WaitWork {
    /** Does what work there is; true if it found some (the worker then spins on, not yields). */
    boolean whileWaiting();
  }

  /**
   * Arrives with {@code minPs} and returns the global minimum, the start of the next window.
   *
   * @throws AbortedException if another worker failed
   */
  long arrive(int worker, long minPs, WaitWork work) {
    localMinPs[worker * PAD] = minPs;
    int gen = generation;
    if (arrived.incrementAndGet() == parties) {
      long min = SimTime.NEVER;
      for (int w = 0; w < parties; w++) {
        min = Math.min(min, localMinPs[w * PAD]);
      }
      nextStartPs = min;
      stopDecided = stopRequested;
      arrived.set(0);
      generation = gen + 1;
    } else {
      int spins = 0;
      while (generation == gen) {
        if (aborted) {
          throw new AbortedException();
        }
        if (work.whileWaiting()) {
          spins = 0;
        }
        if (spin && ++spins < SPINS_BEFORE_YIELD) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
    if (aborted) {
      throw new AbortedException();
    }
    return nextStartPs;
  }

  /** Whether the window just reduced decided to stop (read after {@link #arrive}). */
  boolean stopDecided() {
    return stopDecided;
  }

  void requestStop() {
    stopRequested = true;
  }

  boolean isStopRequested() {
    return stopRequested;
  }

  void abort() {
    aborted = true;
  }

  boolean isAborted() {
    return aborted;
  }

  /** Thrown in a waiting worker when another worker failed; the engine reports the real cause. */
  static final class AbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbortedException() {
      super("aborted because another worker failed", null, false, false);
    }
  }
}
