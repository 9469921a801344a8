package org.xtsim.engine;

import java.util.Arrays;

/**
 * What a run did.
 *
 * @param committedEvents events executed, over all threads
 * @param committedPerThread events executed by each worker thread
 * @param windows synchronisation windows (0 for a sequential run)
 * @param waitNanosPerThread wall-clock time each worker spent waiting at window barriers
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
