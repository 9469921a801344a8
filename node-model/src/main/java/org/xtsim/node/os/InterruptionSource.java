package org.xtsim.node.os;

import org.xtsim.engine.SimTime;

/**
 * One stream of interruptions of a node's computation: a timer tick, daemon wake-ups, host
 * preemption, injected noise. Each occurrence takes the core away for a duration.
 *
 * @param name label in reports
 * @param arrival periodic or Poisson arrivals
 * @param rateHz occurrences per second, &gt; 0
 * @param duration how long each occurrence takes the core
 * @param timing whether nodes see independent streams or the same absolute times
 * @param deferred if true, occurrences do not stop the node's work: their work is queued and done
 *     in the node's idle time (controlled preemption; see {@link InterruptionTimeline})
 * @param resumeCostPs for a deferred source, what the node pays when it resumes after an idle gap
 *     in which the host began an occurrence's work: the return to the guest and the refill of what
 *     the work evicted; 0 for a source that is not deferred (its duration holds all it costs)
 */
public record InterruptionSource(
    String name,
    Arrival arrival,
    double rateHz,
    DurationDistribution duration,
    Timing timing,
    boolean deferred,
    long resumeCostPs) {
  /** How occurrences are spaced. */
  public enum Arrival {
    /** Every 1/rate seconds. */
    PERIODIC,
    /** Exponential gaps with mean 1/rate seconds. */
    POISSON
  }

  /** How streams of different nodes relate. */
  public enum Timing {
    /** Each node its own phase (periodic) or its own draws (Poisson), from its random stream. */
    PER_NODE,
    /** All nodes at the same absolute times, starting at time 0, with the same durations. */
    ALIGNED
  }

  /** Validates. */
  public InterruptionSource {
    if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
      throw new IllegalArgumentException(name + ": rateHz must be > 0, was " + rateHz);
    }
    if (resumeCostPs < 0 || (resumeCostPs > 0 && !deferred)) {
      throw new IllegalArgumentException(
          name + ": a resume cost must be >= 0, and only a deferred source has one");
    }
  }

  /** A source whose occurrences cost only their duration (deferred or not). */
  public InterruptionSource(
      String name,
      Arrival arrival,
      double rateHz,
      DurationDistribution duration,
      Timing timing,
      boolean deferred) {
    this(name, arrival, rateHz, duration, timing, deferred, 0);
  }

  /** Mean gap between occurrences in picoseconds. */
  public double meanGapPs() {
    return SimTime.PS_PER_SECOND / rateHz;
  }

  /** Long-run fraction of time the source takes (rate × mean duration). */
  public double utilisation() {
    return rateHz * duration.meanPs() / (double) SimTime.PS_PER_SECOND;
  }
}
