package org.xtsim.experiments;

/** Receives how far a running point has got; the framework turns it into progress lines. */
@FunctionalInterface
public interface ProgressSink {
  /** A sink that ignores everything. */
  ProgressSink NONE = fraction -> {};

  /**
   * Reports the fraction of the current point done, in [0, 1] (e.g. simulated time over end time).
   * Cheap enough to call from a simulation progress listener; never call it per event.
   */
  void fractionDone(double fraction);
}
