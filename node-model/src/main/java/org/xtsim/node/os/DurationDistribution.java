package org.xtsim.node.os;

import java.util.Objects;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * How long one interruption lasts: a fixed part (an exit, the refill of what the interrupting work
 * evicted) plus a variable part drawn from a distribution of commons-math3. Draws take a uniform
 * {@code u} in [0, 1) from the caller's stream and map it through the distribution's inverse
 * cumulative probability, so a draw allocates nothing.
 */
public final class DurationDistribution {
  /** Shapes of the variable part. */
  public enum Kind {
    /** No variable part: always the fixed part. */
    FIXED,
    /** Exponential (light tail). */
    EXPONENTIAL,
    /** Uniform on [0, 2 × mean]. */
    UNIFORM,
    /**
     * Pareto with tail index α &gt; 1 (heavy tail: P(X &gt; x) ~ x^-α; infinite variance for α ≤
     * 2), the shape measured for OS daemons and kernel work on Linux nodes.
     */
    PARETO
  }

  private final Kind kind;
  private final long fixedPs;
  private final double variableMeanPs;
  private final double tailIndex;
  private final RealDistribution law;

  private DurationDistribution(Kind kind, long fixedPs, double variableMeanPs, double tailIndex) {
    this.kind = Objects.requireNonNull(kind, "kind");
    if (fixedPs < 0 || !(variableMeanPs >= 0) || Double.isInfinite(variableMeanPs)) {
      throw new IllegalArgumentException(
          "durations must be >= 0, were " + fixedPs + " + " + variableMeanPs + " ps");
    }
    this.fixedPs = fixedPs;
    this.variableMeanPs = kind == Kind.FIXED ? 0 : variableMeanPs;
    this.tailIndex = tailIndex;
    if (kind == Kind.PARETO && !(tailIndex > 1)) {
      throw new IllegalArgumentException(
          "a Pareto duration needs tail index > 1 (a finite mean), was " + tailIndex);
    }
    this.law = law(kind, this.variableMeanPs, tailIndex);
  }

  private static RealDistribution law(Kind kind, double meanPs, double tailIndex) {
    if (kind == Kind.FIXED || meanPs == 0) {
      return null;
    }
    switch (kind) {
      case EXPONENTIAL:
        return new ExponentialDistribution(null, meanPs);
      case UNIFORM:
        return new UniformRealDistribution(null, 0, 2 * meanPs);
      case PARETO:
        // Mean of Pareto(scale x_m, shape α) is α x_m / (α - 1).
        return new ParetoDistribution(null, meanPs * (tailIndex - 1) / tailIndex, tailIndex);
      default:
        throw new AssertionError(kind);
    }
  }

  /** A fixed duration. */
  public static DurationDistribution fixed(long durationPs) {
    return new DurationDistribution(Kind.FIXED, durationPs, 0, 0);
  }

  /** An exponential duration of mean {@code meanPs}. */
  public static DurationDistribution exponential(long meanPs) {
    return new DurationDistribution(Kind.EXPONENTIAL, 0, meanPs, 0);
  }

  /** A uniform duration on [0, 2 × {@code meanPs}]. */
  public static DurationDistribution uniform(long meanPs) {
    return new DurationDistribution(Kind.UNIFORM, 0, meanPs, 0);
  }

  /** A Pareto duration of mean {@code meanPs} and tail index {@code tailIndex} &gt; 1. */
  public static DurationDistribution pareto(long meanPs, double tailIndex) {
    return new DurationDistribution(Kind.PARETO, 0, meanPs, tailIndex);
  }

  /** This duration plus {@code extraPs} on every occurrence (an exit, a refill). */
  public DurationDistribution plus(long extraPs) {
    return new DurationDistribution(
        kind, Math.addExact(fixedPs, extraPs), variableMeanPs, tailIndex);
  }

  /** The shape of the variable part. */
  public Kind kind() {
    return kind;
  }

  /** The part every occurrence takes, in picoseconds. */
  public long fixedPs() {
    return fixedPs;
  }

  /** The tail index α of a Pareto variable part (0 otherwise). */
  public double tailIndex() {
    return tailIndex;
  }

  /** The mean duration in picoseconds (fixed part plus the distribution's mean), rounded. */
  public long meanPs() {
    return Math.round(exactMeanPs());
  }

  /** The mean duration in picoseconds, from the distribution's own numerical mean. */
  public double exactMeanPs() {
    return fixedPs + (law == null ? 0 : law.getNumericalMean());
  }

  /** Whether a draw is needed (a variable part). */
  public boolean random() {
    return law != null;
  }

  /** A duration for a uniform draw {@code u} in [0, 1). */
  public long sample(double u) {
    if (law == null) {
      return fixedPs;
    }
    if (kind == Kind.PARETO) {
      // commons-math3 3.6 inverts the Pareto law numerically; its closed form is x_m (1-u)^(-1/α).
      double scale = variableMeanPs * (tailIndex - 1) / tailIndex;
      return fixedPs + Math.round(scale * Math.pow(1 - u, -1 / tailIndex));
    }
    return fixedPs + Math.round(law.inverseCumulativeProbability(u));
  }

  /** The variable part's distribution, or null when there is none (for tests and reports). */
  public RealDistribution law() {
    return law;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DurationDistribution d
        && d.kind == kind
        && d.fixedPs == fixedPs
        && d.variableMeanPs == variableMeanPs
        && d.tailIndex == tailIndex;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, fixedPs, variableMeanPs, tailIndex);
  }

  @Override
  public String toString() {
    return kind == Kind.FIXED
        ? fixedPs + " ps"
        : fixedPs + " ps + " + kind + "(mean " + variableMeanPs + " ps, α " + tailIndex + ")";
  }
}
