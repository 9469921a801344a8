package org.xtsim.node.os;

/**
 * A noise-injection profile in the style of Ferreira, Bridges and Brightwell (SC08): periodic
 * interruptions of a set frequency and duration, either at the same times on every node
 * (synchronised) or with an independent random phase per node. The net injected noise is {@code
 * frequencyHz × durationPs}; at the same net noise, frequency and duration decide the slowdown.
 *
 * @param frequencyHz interruptions per second, &gt; 0
 * @param durationPs length of each interruption
 * @param synchronised whether all nodes are interrupted at the same absolute times
 */
public record NoiseInjection(double frequencyHz, long durationPs, boolean synchronised) {
  /** Validates. */
  public NoiseInjection {
    if (!(frequencyHz > 0) || durationPs < 0) {
      throw new IllegalArgumentException("noise frequency must be > 0 and duration >= 0");
    }
  }

  /** The profile as an interruption source. */
  public InterruptionSource source() {
    return new InterruptionSource(
        "injected noise",
        InterruptionSource.Arrival.PERIODIC,
        frequencyHz,
        DurationDistribution.fixed(durationPs),
        synchronised ? InterruptionSource.Timing.ALIGNED : InterruptionSource.Timing.PER_NODE,
        false);
  }

  /** Fraction of time taken by the noise (frequency × duration). */
  public double netNoiseFraction() {
    return source().utilisation();
  }
}
