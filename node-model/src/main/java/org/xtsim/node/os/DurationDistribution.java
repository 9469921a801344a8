package org.xtsim.node.os;

/**
 * How long one interruption lasts.
 *
 * @param kind the distribution's shape
 * @param meanPs mean duration in picoseconds, &gt;= 0
 */
public record DurationDistribution(Kind kind, long meanPs) {
  /** Distribution shapes. */
  public enum Kind {
    /** Always {@code meanPs}. */
    FIXED,
    /** Exponential with mean {@code meanPs} (heavy-ish tail, daemons). */
    EXPONENTIAL,
    /** Uniform on [0, 2 × meanPs]. */
    UNIFORM
  }

  /** Validates. */
  public DurationDistribution {
    if (meanPs < 0) {
      throw new IllegalArgumentException("meanPs must be >= 0, was " + meanPs);
    }
  }

  /** A fixed duration. */
  public static DurationDistribution fixed(long durationPs) {
    return new DurationDistribution(Kind.FIXED, durationPs);
  }

  /** An exponential duration. */
  public static DurationDistribution exponential(long meanPs) {
    return new DurationDistribution(Kind.EXPONENTIAL, meanPs);
  }

  /** A duration for a uniform draw {@code u} in [0, 1). */
  public long sample(double u) {
    switch (kind) {
      case FIXED:
        return meanPs;
      case EXPONENTIAL:
        return Math.round(-meanPs * Math.log1p(-u));
      case UNIFORM:
        return Math.round(2.0 * meanPs * u);
      default:
        throw new AssertionError(kind);
    }
  }

  /** Whether a draw is needed (not fixed). */
  public boolean random() {
    return kind != Kind.FIXED;
  }
}
