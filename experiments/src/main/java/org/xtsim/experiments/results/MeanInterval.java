package org.xtsim.experiments.results;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a point's replicates with its two-sided Student-t confidence interval: {@code mean ±
 * t(1 − (1 − level)/2, n − 1) · s / √n}, s the sample standard deviation. With one replicate the
 * interval is the value itself (nothing to draw).
 *
 * @param mean the mean
 * @param low lower end of the interval
 * @param high upper end of the interval
 * @param n number of replicates
 */
public record MeanInterval(double mean, double low, double high, int n) {
  /** The confidence level the figures draw: 95 %. */
  public static final double LEVEL = 0.95;

  /** The mean and 95 % interval of {@code values} (at least one). */
  public static MeanInterval of(double[] values) {
    return of(values, LEVEL);
  }

  /** The mean and {@code level} interval of {@code values} (at least one). */
  public static MeanInterval of(double[] values, double level) {
    int n = values.length;
    if (n == 0) {
      throw new IllegalArgumentException("no values");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n == 1) {
      return new MeanInterval(mean, mean, mean, 1);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    double half = t * sd / Math.sqrt(n);
    return new MeanInterval(mean, mean - half, mean + half, n);
  }

  /** Whether there is an interval to draw (several replicates that differ). */
  public boolean hasWidth() {
    return high > low;
  }

  /** This interval with every value multiplied by {@code factor} (&gt; 0). */
  public MeanInterval scaled(double factor) {
    return new MeanInterval(mean * factor, low * factor, high * factor, n);
  }
}
