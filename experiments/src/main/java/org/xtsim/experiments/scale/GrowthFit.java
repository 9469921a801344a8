package org.xtsim.experiments.scale;

/**
 * A power law y = a · n<sup>b</sup> fitted by least squares to (log n, log y): {@code exponent} b
 * says how a cost grows with node count (1: linearly; 1.1: a little faster, e.g. log-depth
 * collectives).
 *
 * @param exponent the fitted exponent b (NaN with fewer than two points)
 * @param coefficient the fitted a
 */
public record GrowthFit(double exponent, double coefficient) {

  /**
   * Fits {@code ys} against {@code ns}.
   *
   * @throws IllegalArgumentException if the arrays differ in length or hold a value ≤ 0
   */
  public static GrowthFit fit(double[] ns, double[] ys) {
    if (ns.length != ys.length) {
      throw new IllegalArgumentException(ns.length + " node counts but " + ys.length + " values");
    }
    int n = ns.length;
    if (n < 2) {
      return new GrowthFit(Double.NaN, Double.NaN);
    }
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      if (!(ns[i] > 0) || !(ys[i] > 0)) {
        throw new IllegalArgumentException(
            "a power law needs positive values, got (" + ns[i] + ", " + ys[i] + ")");
      }
      sx += Math.log(ns[i]);
      sy += Math.log(ys[i]);
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(ns[i]) - mx;
      sxx += dx * dx;
      sxy += dx * (Math.log(ys[i]) - my);
    }
    if (sxx == 0) {
      return new GrowthFit(Double.NaN, Double.NaN);
    }
    double b = sxy / sxx;
    return new GrowthFit(b, Math.exp(my - b * mx));
  }
}
