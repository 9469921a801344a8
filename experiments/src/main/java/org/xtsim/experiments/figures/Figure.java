package org.xtsim.experiments.figures;

import java.util.List;
import org.xtsim.experiments.results.MeanInterval;

/**
 * What one figure shows, independent of how it is drawn: panels of curves (one per configuration)
 * over a shared kind of x axis, with labels.
 *
 * @param name file name without extension, e.g. "overhead-hpccg"
 * @param title the title (shown on slides; a paper's caption carries it)
 * @param context what the title says that panels and axes do not, e.g. "at 4096 nodes" or
 *     "footprint = 1073741824" ("" for nothing): shown above the panels when there is no title
 * @param x the x axis
 * @param yLabel the y axis label, with its unit
 * @param zeroLine whether y = 0 is drawn and kept in range (overheads)
 * @param panels the panels, at least one
 */
record Figure(
    String name,
    String title,
    String context,
    XAxis x,
    String yLabel,
    boolean zeroLine,
    List<Panel> panels) {

  /** Kinds of x axis. */
  enum XKind {
    /** Logarithmic, ticks at powers of 2 (node counts). */
    LOG2,
    /** Logarithmic, ticks at powers of 10. */
    LOG10,
    /** Linear. */
    LINEAR,
    /** Named positions 0, 1, 2 … (percentiles). */
    CATEGORIES
  }

  /**
   * The x axis.
   *
   * @param label its label
   * @param kind its kind
   * @param categories the names of positions 0, 1, … for {@link XKind#CATEGORIES}, else empty
   */
  record XAxis(String label, XKind kind, List<String> categories) {}

  /**
   * One point of a curve: the mean of its replicates with their confidence interval.
   *
   * @param x the x value
   * @param y the mean and interval
   */
  record Point(double x, MeanInterval y) {}

  /**
   * One configuration's curve.
   *
   * @param config the configuration (decides the style)
   * @param label the legend label (the configuration, less what the panel title says)
   * @param points the points, by increasing x
   */
  record Curve(String config, String label, List<Point> points) {}

  /**
   * One panel.
   *
   * @param title its title ("" for a figure's only panel)
   * @param curves its curves
   */
  record Panel(String title, List<Curve> curves) {}

  /** Whether any point of any curve has an interval to draw. */
  boolean hasIntervals() {
    return panels.stream()
        .flatMap(p -> p.curves().stream())
        .flatMap(c -> c.points().stream())
        .anyMatch(p -> p.y().hasWidth());
  }
}
