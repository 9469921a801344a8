package org.xtsim.engine;

/**
 * Simulated time: a {@code long} count of picoseconds. A {@code long} holds about 106 days of
 * simulated time at this resolution, far beyond any run xtsim makes.
 *
 * <p>Helpers convert from the units models think in (ns, µs, seconds, CPU cycles at a clock) and
 * round to the nearest picosecond.
 */
public final class SimTime {
  /** Picoseconds in one nanosecond. */
  public static final long PS_PER_NS = 1_000L;

  /** Picoseconds in one microsecond. */
  public static final long PS_PER_US = 1_000_000L;

  /** Picoseconds in one millisecond. */
  public static final long PS_PER_MS = 1_000_000_000L;

  /** Picoseconds in one second. */
  public static final long PS_PER_SECOND = 1_000_000_000_000L;

  /** A time later than any event: "never". */
  public static final long NEVER = Long.MAX_VALUE;

  private SimTime() {}

  /** Whole nanoseconds to picoseconds. */
  public static long ns(long nanoseconds) {
    return Math.multiplyExact(nanoseconds, PS_PER_NS);
  }

  /** Nanoseconds (fractional allowed) to picoseconds, rounded. */
  public static long ns(double nanoseconds) {
    return toPs(nanoseconds * PS_PER_NS);
  }

  /** Microseconds (fractional allowed) to picoseconds, rounded. */
  public static long us(double microseconds) {
    return toPs(microseconds * PS_PER_US);
  }

  /** Milliseconds (fractional allowed) to picoseconds, rounded. */
  public static long ms(double milliseconds) {
    return toPs(milliseconds * PS_PER_MS);
  }

  /** Seconds (fractional allowed) to picoseconds, rounded. */
  public static long seconds(double seconds) {
    return toPs(seconds * PS_PER_SECOND);
  }

  /**
   * Duration of {@code cycles} CPU cycles at {@code clockHz}, rounded to the nearest picosecond.
   *
   * @param cycles cycle count, may be fractional (cost models average over many events)
   * @param clockHz core clock in hertz, for example {@code 2.2e9}
   */
  public static long fromCycles(double cycles, double clockHz) {
    if (!(clockHz > 0)) {
      throw new IllegalArgumentException("clockHz must be > 0, was " + clockHz);
    }
    return toPs(cycles * PS_PER_SECOND / clockHz);
  }

  /** Cycles elapsed at {@code clockHz} in {@code durationPs} picoseconds. */
  public static double toCycles(long durationPs, double clockHz) {
    return durationPs * clockHz / PS_PER_SECOND;
  }

  /** Picoseconds to seconds. */
  public static double toSeconds(long ps) {
    return ps / (double) PS_PER_SECOND;
  }

  /** Picoseconds to microseconds. */
  public static double toMicros(long ps) {
    return ps / (double) PS_PER_US;
  }

  /** Adds two times, saturating at {@link #NEVER} instead of overflowing. */
  public static long saturatingAdd(long timePs, long deltaPs) {
    long sum = timePs + deltaPs;
    return ((timePs ^ sum) & (deltaPs ^ sum)) < 0 ? NEVER : sum;
  }

  /** A readable rendering with a unit chosen for the magnitude, e.g. {@code 1.500 us}. */
  public static String format(long ps) {
    if (ps == NEVER) {
      return "never";
    }
    long abs = Math.abs(ps);
    if (abs >= PS_PER_SECOND) {
      return String.format("%.6f s", ps / (double) PS_PER_SECOND);
    } else if (abs >= PS_PER_MS) {
      return String.format("%.3f ms", ps / (double) PS_PER_MS);
    } else if (abs >= PS_PER_US) {
      return String.format("%.3f us", ps / (double) PS_PER_US);
    } else if (abs >= PS_PER_NS) {
      return String.format("%.3f ns", ps / (double) PS_PER_NS);
    }
    return ps + " ps";
  }

  private static long toPs(double ps) {
    if (!(ps >= 0) || ps > Long.MAX_VALUE) {
      throw new IllegalArgumentException("time out of range: " + ps + " ps");
    }
    return Math.round(ps);
  }
}
