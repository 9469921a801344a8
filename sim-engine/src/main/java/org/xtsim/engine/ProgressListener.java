package org.xtsim.engine;

/**
 * Told how a run advances, from the engine's coordinating thread, at most once per reporting
 * interval of wall-clock time. Must be quick; it runs between synchronisation windows.
 */
@FunctionalInterface
public interface ProgressListener {
  /**
   * @param simTimePs the simulated time reached
   * @param endTimePs the run's end time ({@link SimTime#NEVER} when it runs until quiescence)
   * @param committedEvents events executed so far, over all threads
   * @param wallNanos wall-clock time since the run started
   */
  void onProgress(long simTimePs, long endTimePs, long committedEvents, long wallNanos);
}
