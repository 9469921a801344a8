package org.xtsim.workloads;

import org.HdrHistogram.Histogram;

/** HdrHistograms of simulated durations, recorded in nanoseconds with 3 significant digits. */
public final class Histograms {
  /** Significant decimal digits every histogram keeps. */
  public static final int SIGNIFICANT_DIGITS = 3;

  private Histograms() {}

  /** A histogram of the given durations (picoseconds), recorded in nanoseconds. */
  public static Histogram nanosFromPs(long[] durationsPs, int count) {
    Histogram h = new Histogram(SIGNIFICANT_DIGITS);
    for (int i = 0; i < count; i++) {
      h.recordValue(Math.max(0, Math.round(durationsPs[i] / 1_000.0)));
    }
    return h;
  }
}
