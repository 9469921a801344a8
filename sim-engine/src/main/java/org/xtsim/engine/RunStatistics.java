package org.xtsim.engine;

import java.util.Arrays;

/**
 * What a run did.
 *
 * @param committedEvents events executed, over all threads
 * @param committedPerThread events executed by each worker thread
 * @param windows synchronisation windows (0 for a sequential run)
 * @param waitNanosPerThread wall-clock time each worker spent at window barriers, waiting for the
 *     others or helping them
 * @param helpNanosPerThread of that, the time each worker spent running parts of another worker's
 *     split event ({@link Context#runParts}): work, not idling
 * @param wallNanos wall-clock duration of {@link Simulation#run()}
 * @param finalTimePs the time of the last executed event
 * @param lookaheadPs the window width: smallest latency of a link that crosses partitions
 * @param stopReason why the run ended
 */
public record RunStatistics(
    long committedEvents,
    long[] committedPerThread,
    long windows,
    long[] waitNanosPerThread,
    long[] helpNanosPerThread,
    long wallNanos,
    long finalTimePs,
    long lookaheadPs,
    StopReason stopReason) {

  /** Why a run ended. */
  public enum StopReason {
    /** The next event lay at or after the end time. */
    END_TIME,
    /** No events were left anywhere. */
    QUIESCENT,
    /** A model called {@link Context#requestStop()} or {@link Simulation#stop()} was called. */
    STOP_REQUESTED
  }

  /** Number of worker threads that ran. */
  public int threads() {
    return committedPerThread.length;
  }

  /** Wall-clock time {@code worker} spent idle at window barriers: its wait less its help. */
  public long idleNanos(int worker) {
    return waitNanosPerThread[worker] - helpNanosPerThread[worker];
  }

  /** The busiest thread's committed events over the mean per thread (1 = evenly spread). */
  public double eventImbalance() {
    long max = 0;
    for (long c : committedPerThread) {
      max = Math.max(max, c);
    }
    return committedEvents == 0 ? 1 : max * (double) committedPerThread.length / committedEvents;
  }

  /** Committed events per wall-clock second. */
  public double eventsPerSecond() {
    return wallNanos == 0 ? 0 : committedEvents * 1e9 / wallNanos;
  }

  /** Wall-clock seconds. */
  public double wallSeconds() {
    return wallNanos / 1e9;
  }

  @Override
  public String toString() {
    return "RunStatistics[committedEvents="
        + committedEvents
        + ", committedPerThread="
        + Arrays.toString(committedPerThread)
        + ", windows="
        + windows
        + ", waitNanosPerThread="
        + Arrays.toString(waitNanosPerThread)
        + ", helpNanosPerThread="
        + Arrays.toString(helpNanosPerThread)
        + ", wallNanos="
        + wallNanos
        + ", finalTimePs="
        + finalTimePs
        + ", lookaheadPs="
        + lookaheadPs
        + ", stopReason="
        + stopReason
        + "]";
  }
}
