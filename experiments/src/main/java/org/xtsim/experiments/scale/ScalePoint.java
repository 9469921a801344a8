package org.xtsim.experiments.scale;

/**
 * What one run of the scale benchmark measured.
 *
 * @param nodes simulated nodes (one rank each)
 * @param topology the mesh or torus the job ran on, e.g. {@code torus-64x64x32}
 * @param threads engine threads
 * @param wallSeconds wall time of the run itself (building the job excluded)
 * @param buildSeconds wall time to calibrate the node model and build the job
 * @param events committed events
 * @param windows synchronisation windows
 * @param peakHeapBytes the heap's peak use during the run (sum of the heap pools' peaks since the
 *     run started; garbage included)
 * @param retainedBytesPerNode live heap after a full collection with the finished job still held,
 *     less the live heap before it was built, per node: what the run keeps per simulated node
 *     (queues and pools at their largest), shared tables included
 * @param simulatedSeconds the job's completion time in simulated seconds
 * @param barrierWaitSeconds wall time the engine threads spent at window barriers, mean over the
 *     threads (0 with one thread)
 * @param barrierHelpSeconds of that, the time they spent running parts of another thread's split
 *     event (the one-pass collectives' phases), mean over the threads; NaN where not recorded
 * @param eventImbalance the busiest thread's committed events over the mean per thread (1 with one
 *     thread); NaN where not recorded
 */
public record ScalePoint(
    int nodes,
    String topology,
    int threads,
    double wallSeconds,
    double buildSeconds,
    long events,
    long windows,
    long peakHeapBytes,
    double retainedBytesPerNode,
    double simulatedSeconds,
    double barrierWaitSeconds,
    double barrierHelpSeconds,
    double eventImbalance) {

  /**
   * Wall time the threads spent idle at window barriers (wait less help), mean over the threads.
   */
  public double barrierIdleSeconds() {
    return barrierWaitSeconds - barrierHelpSeconds;
  }

  /** Committed events per wall second of the run. */
  public double eventsPerSecond() {
    return wallSeconds > 0 ? events / wallSeconds : 0;
  }
}
