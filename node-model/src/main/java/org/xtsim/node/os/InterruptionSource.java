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
 * @param deferred if true, occurrences during a phase do not stop it: their work is queued and done
 *     in the node's next idle time (controlled preemption); what idle time cannot absorb delays the
 *     start of the next phase
 */
public record InterruptionSource(
    String name,
    Arrival arrival,
    double rateHz,
    DurationDistribution duration,
    Timing timing,
    boolean deferred) {
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
