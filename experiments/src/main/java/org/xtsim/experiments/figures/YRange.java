package org.xtsim.experiments.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The y axis of one panel. Quantities (no zero line) whose values are positive and span two decades
 * or more get a logarithmic axis. Otherwise the axis is broken into two linear segments when the
 * values fall into two clusters far apart and one of them holds several curves that a single axis
 * would squash into a flat line (e.g. overheads of 0.1–1 % under one of 35 %); else overheads whose
 * values are all positive and span two decades or more get a logarithmic axis (e.g. 0.3 % to 900 %;
 * the zero line is then left out); else the axis is linear.
 *
 * @param kind the kind
 * @param segments for {@link Kind#BROKEN}: the value range {lo, hi} of each segment, top first;
 *     else the range of the data {min, max}
 * @param weights the relative heights of the segments
 */
record YRange(Kind kind, List<double[]> segments, List<Integer> weights) {
  /** Kinds of y axis. */
  enum Kind {
    /** One linear axis (auto range). */
    LINEAR,
    /** One log10 axis. */
    LOG,
    /** Two linear segments with a gap between them. */
    BROKEN
  }

  /** A gap this large a share of the whole range separates two clusters. */
  static final double GAP_SHARE = 0.5;

  /** A cluster narrower than this share of the whole range squashes its curves. */
  static final double SQUASHED_SHARE = 0.15;

  /** Least height of an axis as a share of the magnitude of its values. */
  static final double MIN_SPAN_SHARE = 0.02;

  /** Positive data spanning this ratio or more is drawn on a log axis. */
  static final double LOG_RATIO = 100;

  /** The axis for {@code curves}' means and interval ends. */
  static YRange choose(List<Figure.Curve> curves, boolean zeroLine) {
    List<double[]> perCurve = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Figure.Curve c : curves) {
      double[] v = values(c);
      perCurve.add(v);
      for (double y : v) {
        min = Math.min(min, y);
        max = Math.max(max, y);
      }
    }
    if (min > max) {
      return linear(0, 1);
    }
    YRange log = min > 0 && max / min >= LOG_RATIO ? log(min, max) : null;
    if (log != null && !zeroLine) {
      return log;
    }
    if (zeroLine) {
      min = Math.min(min, 0);
      max = Math.max(max, 0);
    }
    double total = max - min;
    double[] all = perCurve.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    if (zeroLine) {
      all = sortedWith(all, 0);
    }
    int gapAt = -1;
    double gap = 0;
    for (int i = 0; i + 1 < all.length; i++) {
      if (all[i + 1] - all[i] > gap) {
        gap = all[i + 1] - all[i];
        gapAt = i;
      }
    }
    if (total <= 0 || gap < GAP_SHARE * total) {
      return log != null ? log : linear(min, max);
    }
    double lowTop = all[gapAt];
    double highBottom = all[gapAt + 1];
    int lowCurves = distinctCurves(perCurve, min, lowTop);
    int highCurves = distinctCurves(perCurve, highBottom, max);
    boolean lowSquashed = lowCurves >= 2 && lowTop - min < SQUASHED_SHARE * total;
    boolean highSquashed = highCurves >= 2 && max - highBottom < SQUASHED_SHARE * total;
    if (!lowSquashed && !highSquashed) {
      return log != null ? log : linear(min, max);
    }
    return new YRange(
        Kind.BROKEN,
        List.of(padded(highBottom, max), padded(min, lowTop)),
        List.of(weight(highCurves), weight(lowCurves)));
  }

  /**
   * How far apart two values near {@code y} must be to show as two lines: 1 % of the span of the
   * segment that holds {@code y} (of its decades on a log axis, as a ratio).
   */
  double visibleDifference(double y) {
    if (kind == Kind.LOG) {
      double[] r = segments.get(0);
      return Math.abs(y) * (Math.pow(r[1] / r[0], 0.01) - 1);
    }
    for (double[] s : segments) {
      if (y >= s[0] && y <= s[1]) {
        return 0.01 * (s[1] - s[0]);
      }
    }
    double[] s = segments.get(0);
    return 0.01 * Math.max(s[1] - s[0], Math.abs(y));
  }

  private static YRange log(double min, double max) {
    return new YRange(Kind.LOG, List.<double[]>of(new double[] {min, max}), List.of(1));
  }

  private static YRange linear(double min, double max) {
    return new YRange(Kind.LINEAR, List.<double[]>of(new double[] {min, max}), List.of(1));
  }

  /**
   * A segment around [lo, hi], at least 2 % of its magnitude high (as a single linear axis would
   * be, so that noise is not magnified), with 8 % margins.
   */
  private static double[] padded(double lo, double hi) {
    double span = Math.max(hi - lo, MIN_SPAN_SHARE * Math.max(Math.abs(lo), Math.abs(hi)));
    if (span <= 0) {
      span = 1;
    }
    double mid = (lo + hi) / 2;
    double a = Math.min(lo, mid - span / 2);
    double b = Math.max(hi, mid + span / 2);
    double margin = 0.08 * (b - a);
    return new double[] {a - margin, b + margin};
  }

  /** How many curves have values in [lo, hi], counting identical curves once. */
  private static int distinctCurves(List<double[]> perCurve, double lo, double hi) {
    List<double[]> seen = new ArrayList<>();
    for (double[] v : perCurve) {
      double[] inside = Arrays.stream(v).filter(y -> y >= lo && y <= hi).toArray();
      if (inside.length > 0 && seen.stream().noneMatch(s -> Arrays.equals(s, inside))) {
        seen.add(inside);
      }
    }
    return seen.size();
  }

  private static int weight(int curves) {
    return Math.max(1, Math.min(3, curves));
  }

  private static double[] values(Figure.Curve c) {
    List<Double> out = new ArrayList<>();
    for (Figure.Point p : c.points()) {
      out.add(p.y().mean());
      out.add(p.y().low());
      out.add(p.y().high());
    }
    return out.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
  }

  private static double[] sortedWith(double[] sorted, double v) {
    double[] out = Arrays.copyOf(sorted, sorted.length + 1);
    out[sorted.length] = v;
    Arrays.sort(out);
    return out;
  }
}
