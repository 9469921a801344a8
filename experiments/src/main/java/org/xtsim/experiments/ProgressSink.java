package org.xtsim.experiments;

/**
 * Receives how far a running point has got; the framework turns it into progress lines. Cheap
 * enough to call from a simulation progress listener; never call it per event.
 */
@FunctionalInterface
public interface ProgressSink {
  /** A sink that ignores everything. */
  ProgressSink NONE = fraction -> {};

  /**
   * Reports the fraction of the current point done, in [0, 1], when the runner knows where the
   * point ends (e.g. simulated time over a fixed end time).
   */
  void fractionDone(double fraction);

  /**
   * Reports how far the current point's simulation has got, for points that run until their work is
   * done (no end time, so no fraction): the simulated time reached and the events executed so far.
   * The default ignores it.
   *
   * @param simulatedPs simulated time reached, in picoseconds
   * @param committedEvents events executed so far
   */
  default void advanced(long simulatedPs, long committedEvents) {}
}
