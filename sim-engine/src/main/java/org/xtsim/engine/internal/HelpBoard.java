package org.xtsim.engine.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.xtsim.engine.ParallelWork;

/**
 * Where an event that split its work into parts ({@link org.xtsim.engine.Context#runParts}) offers
 * them to workers idle at the window barrier. The owner claims parts from the lowest up, helpers
 * from the highest down; the owner returns only when every part has run and no helper is still
 * inside the board. One split at a time: an event that finds the board taken (another partition's
 * event is using it) runs its parts alone.
 *
 * <p>Why a late helper cannot run a part of a finished split: a helper registers, then re-reads the
 * offer; the owner withdraws the offer, then waits for the registered count to drain. Of the
 * registration and the owner's last read of the count, one comes first: either the owner waits for
 * the helper, or the helper sees the offer withdrawn (or a new offer, whose counters were reset
 * before it was published).
 */
final class HelpBoard {
  private final AtomicBoolean taken = new AtomicBoolean();

  /** Parts not yet claimed: [low, high), packed as low << 32 | high. */
  private final AtomicLong unclaimed = new AtomicLong();

  private final AtomicInteger partsDone = new AtomicInteger();
  private final AtomicInteger helpersInside = new AtomicInteger();

  /** The work on offer, or null; its part count is published with it. */
  private volatile ParallelWork offered;

  /** The failure of the lowest-numbered failing part, guarded by {@code this}. */
  private Throwable failure;

  private int failedPart;

  /** Runs every part, with help; returns false (having run nothing) if the board is taken. */
  boolean run(ParallelWork work, int partCount, Engine engine) {
    if (!taken.compareAndSet(false, true)) {
      return false;
    }
    try {
      unclaimed.set(partCount);
      partsDone.set(0);
      synchronized (this) {
        failure = null;
        failedPart = Integer.MAX_VALUE;
      }
      offered = work;
      runParts(work, true);
      offered = null;
      int spins = 0;
      while (partsDone.get() < partCount || helpersInside.get() > 0) {
        engine.checkAborted();
        if (++spins < 1024) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
      Throwable cause;
      synchronized (this) {
        cause = failure;
        failure = null;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      if (cause != null) {
        throw new IllegalStateException(cause);
      }
      return true;
    } finally {
      taken.set(false);
    }
  }

  /** Whether some event's parts are on offer now (a racy look, to skip the clock when not). */
  boolean hasOffer() {
    return offered != null;
  }

  /**
   * Called by a worker waiting at the barrier: takes parts of the current offer, if any; true if
   * there was an offer.
   */
  boolean help() {
    ParallelWork work = offered;
    if (work == null) {
      return false;
    }
    helpersInside.incrementAndGet();
    try {
      work = offered;
      if (work != null) {
        runParts(work, false);
      }
    } finally {
      helpersInside.decrementAndGet();
    }
    return true;
  }

  /**
   * Claims and runs parts until none is left: the owner from the lowest up, helpers from the
   * highest down, so that a part tends to run on the same thread from one call to the next.
   */
  private void runParts(ParallelWork work, boolean fromLow) {
    int part;
    while ((part = claim(fromLow)) >= 0) {
      try {
        work.runPart(part);
      } catch (Throwable t) {
        record(part, t);
      } finally {
        partsDone.incrementAndGet();
      }
    }
  }

  private int claim(boolean fromLow) {
    while (true) {
      long range = unclaimed.get();
      int low = (int) (range >>> 32);
      int high = (int) range;
      if (low >= high) {
        return -1;
      }
      long next = fromLow ? range + (1L << 32) : range - 1;
      if (unclaimed.compareAndSet(range, next)) {
        return fromLow ? low : high - 1;
      }
    }
  }

  private synchronized void record(int part, Throwable t) {
    if (part < failedPart) {
      failedPart = part;
      failure = t;
    }
  }
}
