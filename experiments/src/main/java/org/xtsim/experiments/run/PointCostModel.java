package org.xtsim.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.xtsim.experiments.RunPoint;

/**
 * What a point costs in wall seconds, learnt from the points of the sweep that have finished: a
 * line {@code wall seconds ≈ a + b · nodes}. The fixed part {@code a} is what every point pays
 * whatever its size (calibrating the node model, building the machine, writing results); the slope
 * {@code b} is the simulation's cost per simulated node. Weighing points by node count alone, as
 * the ETA did before, charged the fixed cost of the first one-node points to every node of the
 * sweep and predicted days for minutes.
 *
 * <p>How the line is fitted, and why:
 *
 * <ul>
 *   <li>By least squares of relative errors (each point weighted by 1 / its wall time squared):
 *       wall times vary in proportion to their size, so a 5 s point's noise must not drown the
 *       1,000 small points that say what the fixed part is. Replaying the main job's recorded
 *       times, the ETA stays within a factor 1.8 of the time left after the first 5 % of the work;
 *       plain least squares is off by up to 2.7.
 *   <li>Without the first point run: it also pays for the JVM compiling the simulator.
 *   <li>The slope only once it is clear of the noise (at least {@link #SLOPE_T_MIN} standard errors
 *       above zero); until then every point is predicted at the mean cost of those seen. Points are
 *       predicted up to thousands of times larger than those seen, so a slope made of noise would
 *       multiply.
 *   <li>A negative fixed part is dropped for a line through the origin: no point costs less than
 *       nothing.
 * </ul>
 *
 * <p>The line needs finished points of at least two sizes; until then points of the size seen are
 * predicted at its mean and others not at all. The model knows nothing of a point but its node
 * count: a workload that costs less per node than the ones run so far (the main job's Sage: 0.43
 * times HPCCG) is overestimated until its larger points finish.
 */
final class PointCostModel {
  /** Standard errors the slope must stand above zero before it is used. */
  static final double SLOPE_T_MIN = 3;

  private final List<double[]> learnt = new ArrayList<>();
  private boolean skippedFirst;
  private Line line;

  /** A fitted line; {@code fits(size)} holds when it may predict a point of that size. */
  private record Line(double fixedSeconds, double secondsPerNode, double onlySize) {
    boolean fits(double size) {
      return Double.isNaN(onlySize) || size == onlySize;
    }
  }

  /** Learns from a finished point (the first one given is skipped: JVM warm-up). */
  void add(RunPoint point, double wallSeconds) {
    if (!skippedFirst) {
      skippedFirst = true;
      return;
    }
    learnt.add(new double[] {size(point), Math.max(wallSeconds, 1e-6)});
    line = fit(learnt);
  }

  /** The predicted wall seconds of {@code point}, or empty when the points so far cannot tell. */
  OptionalDouble predictSeconds(RunPoint point) {
    double size = size(point);
    if (line == null || !line.fits(size)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(line.fixedSeconds() + line.secondsPerNode() * size);
  }

  /**
   * The predicted wall seconds of all of {@code points}, or empty when one of them cannot be
   * predicted yet.
   */
  OptionalDouble predictSeconds(List<RunPoint> points) {
    double sum = 0;
    for (RunPoint p : points) {
      OptionalDouble s = predictSeconds(p);
      if (s.isEmpty()) {
        return OptionalDouble.empty();
      }
      sum += s.getAsDouble();
    }
    return OptionalDouble.of(sum);
  }

  /** Weighted least squares of {@code (size, seconds)} pairs, weights 1 / seconds². */
  private static Line fit(List<double[]> points) {
    double sw = 0;
    double swx = 0;
    double swy = 0;
    double sumSeconds = 0;
    for (double[] p : points) {
      double w = 1 / (p[1] * p[1]);
      sw += w;
      swx += w * p[0];
      swy += w * p[1];
      sumSeconds += p[1];
    }
    // What a point costs on average, when the line cannot tell more: the plain mean, since the
    // ETA adds costs up (the weighted one leans to the cheapest points).
    double averageSeconds = sumSeconds / points.size();
    double meanSize = swx / sw;
    double meanSeconds = swy / sw;
    double sxx = 0;
    double sxy = 0;
    for (double[] p : points) {
      double w = 1 / (p[1] * p[1]);
      sxx += w * (p[0] - meanSize) * (p[0] - meanSize);
      sxy += w * (p[0] - meanSize) * (p[1] - meanSeconds);
    }
    if (!(sxx > 0)) {
      return new Line(averageSeconds, 0, points.get(0)[0]); // one size: for it alone
    }
    double slope = sxy / sxx;
    double intercept = meanSeconds - slope * meanSize;
    if (!(slope > 0) || slope < SLOPE_T_MIN * slopeStandardError(points, intercept, slope, sxx)) {
      return new Line(averageSeconds, 0, Double.NaN);
    }
    if (intercept < 0) {
      double swxy = 0;
      double swxx = 0;
      for (double[] p : points) {
        double w = 1 / (p[1] * p[1]);
        swxy += w * p[0] * p[1];
        swxx += w * p[0] * p[0];
      }
      return new Line(0, swxy / swxx, Double.NaN);
    }
    return new Line(intercept, slope, Double.NaN);
  }

  /** The slope's standard error; infinite with two points (no residual left to judge by). */
  private static double slopeStandardError(
      List<double[]> points, double intercept, double slope, double sxx) {
    if (points.size() <= 2) {
      return Double.POSITIVE_INFINITY;
    }
    double residuals = 0;
    for (double[] p : points) {
      double r = p[1] - intercept - slope * p[0];
      residuals += r * r / (p[1] * p[1]);
    }
    return Math.sqrt(residuals / (points.size() - 2) / sxx);
  }

  /** The size a point's cost grows with: its simulated nodes. */
  private static double size(RunPoint point) {
    return point.nodes();
  }
}
