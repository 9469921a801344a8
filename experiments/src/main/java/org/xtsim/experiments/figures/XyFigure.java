package org.xtsim.experiments.figures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.xtsim.experiments.results.MeanInterval;
import org.xtsim.experiments.results.ResultRow;

/**
 * A figure of one quantity of result rows against a numeric sweep axis: node count when it varies
 * (log2 axis), else the first numeric axis that varies. One curve per configuration in each panel;
 * replicates give the mean and its confidence interval.
 */
final class XyFigure {
  private XyFigure() {}

  /**
   * @param name the file name, without extension
   * @param title the title
   * @param page the panels' rows (one workload, one metric)
   * @param xAxis the axis along x ({@code nodes} or a numeric sweep axis)
   * @param y the plotted quantity of a row, in the declared unit; NaN rows are left out
   * @param factor what y is multiplied by to be in the shown unit
   * @param yLabel the y axis label, with the shown unit
   * @param zeroLine whether to draw y = 0 and keep it in range
   * @return the figure, or null when no row has a value
   */
  static Figure build(
      String name,
      String title,
      FigurePlan.Page<ResultRow> page,
      String xAxis,
      ToDoubleFunction<ResultRow> y,
      double factor,
      String yLabel,
      boolean zeroLine) {
    List<Figure.Panel> panels = new ArrayList<>();
    Set<Double> xs = new LinkedHashSet<>();
    for (FigurePlan.Facet<ResultRow> facet : page.facets()) {
      Map<String, TreeMap<Double, List<Double>>> byConfig = new LinkedHashMap<>();
      for (ResultRow r : facet.items()) {
        double v = y.applyAsDouble(r);
        double x = xValue(r, xAxis);
        if (Double.isNaN(v) || Double.isNaN(x)) {
          continue;
        }
        String series =
            page.seriesAxis().isEmpty()
                ? r.config()
                : r.config()
                    + ", "
                    + FigurePlan.shortName(page.seriesAxis())
                    + " = "
                    + axisValue(r, page.seriesAxis());
        byConfig
            .computeIfAbsent(series, k -> new TreeMap<>())
            .computeIfAbsent(x, k -> new ArrayList<>())
            .add(v);
        xs.add(x);
      }
      List<Figure.Curve> curves = new ArrayList<>();
      List<String> labels = legendLabels(byConfig.keySet(), facet.guest());
      int i = 0;
      for (Map.Entry<String, TreeMap<Double, List<Double>>> c : byConfig.entrySet()) {
        curves.add(new Figure.Curve(c.getKey(), labels.get(i++), points(c.getValue(), factor)));
      }
      if (!curves.isEmpty()) {
        panels.add(new Figure.Panel(facet.title(), curves));
      }
    }
    if (panels.isEmpty()) {
      return null;
    }
    String context = page.caption().replaceAll("^ \\(|\\)$", "").replace("=", " = ");
    return new Figure(name, title, context, xAxisOf(xAxis, xs), yLabel, zeroLine, panels);
  }

  /** Mean and interval at each x, scaled by {@code factor}. */
  static List<Figure.Point> points(TreeMap<Double, List<Double>> values, double factor) {
    List<Figure.Point> out = new ArrayList<>();
    for (Map.Entry<Double, List<Double>> p : values.entrySet()) {
      double[] v = p.getValue().stream().mapToDouble(Double::doubleValue).toArray();
      out.add(new Figure.Point(p.getKey(), MeanInterval.of(v).scaled(factor)));
    }
    return out;
  }

  /**
   * Legend labels for the configurations of a panel of one guest: the configuration names without
   * the guest's word (the panel title names the guest), e.g. nested-large-cnl-uncontrolled →
   * nested-large-uncontrolled; the full names when that would leave a label empty or two alike.
   */
  static List<String> legendLabels(Set<String> configs, String guest) {
    List<String> labels = new ArrayList<>();
    for (String c : configs) {
      List<String> words = new ArrayList<>(List.of(c.split("-", -1)));
      boolean removed = !guest.isEmpty() && words.removeIf(guest::equals);
      labels.add(removed ? String.join("-", words) : c);
    }
    boolean unique = new HashSet<>(labels).size() == labels.size();
    return unique && labels.stream().noneMatch(String::isEmpty) ? labels : new ArrayList<>(configs);
  }

  /** The value of an axis ({@code nodes} or a sweep axis) of a row, as text. */
  static String axisValue(ResultRow r, String axis) {
    return axis.equals("nodes") ? Integer.toString(r.nodes()) : r.axes().get(axis);
  }

  /** {@code nodes} when it varies, else the first numeric axis that varies, else {@code nodes}. */
  static String chooseXAxis(List<ResultRow> rows) {
    if (distinct(rows, "nodes").size() > 1) {
      return "nodes";
    }
    for (String a : rows.isEmpty() ? Set.<String>of() : rows.get(0).axes().keySet()) {
      Set<String> values = distinct(rows, a);
      if (values.size() > 1 && values.stream().allMatch(XyFigure::isNumber)) {
        return a;
      }
    }
    return "nodes";
  }

  private static Set<String> distinct(List<ResultRow> rows, String axis) {
    Set<String> values = new LinkedHashSet<>();
    for (ResultRow r : rows) {
      values.add(axisValue(r, axis));
    }
    return values;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  private static double xValue(ResultRow r, String axis) {
    if (axis.equals("nodes")) {
      return r.nodes();
    }
    String v = r.axes().get(axis);
    return isNumber(v) ? Double.parseDouble(v) : Double.NaN;
  }

  /**
   * Node counts on a log2 axis when they span a factor of 4 or more; other axes on a log10 axis
   * when they span two decades or more; else linear.
   */
  private static Figure.XAxis xAxisOf(String name, Set<Double> xs) {
    double min = xs.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    double max = xs.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    boolean nodes = name.equals("nodes");
    Figure.XKind kind = Figure.XKind.LINEAR;
    if (min > 0 && nodes && max / min >= 4) {
      kind = Figure.XKind.LOG2;
    } else if (min > 0 && !nodes && max / min >= 100) {
      kind = Figure.XKind.LOG10;
    }
    return new Figure.XAxis(AxisLabels.axis(name), kind, List.of());
  }
}
