package org.xtsim.experiments.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.xtsim.experiments.results.ResultRow;

/**
 * A line chart of one quantity of result rows against a numeric sweep axis: node count when it
 * varies (log2 axis), else the first numeric axis that varies. One series per configuration (and
 * per value of any other varying axis); replicates are averaged.
 */
final class XyFigure {
  private XyFigure() {}

  /**
   * @param title chart title
   * @param rows the rows to plot (one workload, one metric)
   * @param xAxis the axis along x ({@code nodes} or a numeric sweep axis)
   * @param seriesAxes the other axes that vary among the rows (they split series)
   * @param y the plotted quantity of a row; NaN rows are left out
   * @param yLabel y axis label with unit
   * @param zeroLine whether to draw a line at y = 0 and include 0 in the range
   * @param configurations all configuration labels in order, for consistent series colours
   * @return the chart, or null when no row has a value
   */
  static JFreeChart build(
      String title,
      List<ResultRow> rows,
      String xAxis,
      List<String> seriesAxes,
      ToDoubleFunction<ResultRow> y,
      String yLabel,
      boolean zeroLine,
      List<String> configurations) {
    SeriesPlan<ResultRow> plan = new SeriesPlan<>(ResultRow::config, XyFigure::axisValue);
    Map<String, TreeMap<Double, double[]>> sums = new LinkedHashMap<>();
    Map<String, String> configOf = new LinkedHashMap<>();
    Map<String, String> variantOf = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      double v = y.applyAsDouble(r);
      double x = xValue(r, xAxis);
      if (Double.isNaN(v) || Double.isNaN(x)) {
        continue;
      }
      String name = plan.seriesName(r, seriesAxes);
      configOf.put(name, r.config());
      variantOf.put(name, plan.variant(r, seriesAxes));
      double[] acc =
          sums.computeIfAbsent(name, k -> new TreeMap<>()).computeIfAbsent(x, k -> new double[2]);
      acc[0] += v;
      acc[1]++;
    }
    if (sums.isEmpty()) {
      return null;
    }
    XYSeriesCollection data = new XYSeriesCollection();
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    Set<Double> xs = new LinkedHashSet<>();
    for (Map.Entry<String, TreeMap<Double, double[]>> s : sums.entrySet()) {
      XYSeries series = new XYSeries(s.getKey(), true, false);
      for (Map.Entry<Double, double[]> p : s.getValue().entrySet()) {
        double mean = p.getValue()[0] / p.getValue()[1];
        series.add(p.getKey().doubleValue(), mean);
        minY = Math.min(minY, mean);
        maxY = Math.max(maxY, mean);
        xs.add(p.getKey());
      }
      data.addSeries(series);
    }
    ValueAxis domain = xAxis(xAxis, xs);
    ValueAxis range = ChartStyle.valueAxis(yLabel, minY, maxY, zeroLine);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    XYPlot plot = new XYPlot(data, domain, range, renderer);
    if (zeroLine) {
      plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1.2f)));
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    List<String> names = new ArrayList<>(sums.keySet());
    ChartStyle.apply(
        chart,
        renderer,
        indices(names, configOf, configurations),
        indices(names, variantOf, new ArrayList<>(new LinkedHashSet<>(variantOf.values()))));
    return chart;
  }

  /** For each series name, the position of its key in {@code order}. */
  static int[] indices(List<String> names, Map<String, String> keyOf, List<String> order) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(0, order.indexOf(keyOf.get(names.get(i))));
    }
    return out;
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
      values.add(axis.equals("nodes") ? Integer.toString(r.nodes()) : r.axes().get(axis));
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

  private static ValueAxis xAxis(String name, Set<Double> xs) {
    double min = xs.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    double max = xs.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    String label = SeriesPlan.shortName(name);
    if (min > 0 && max / min >= 4) {
      LogAxis log = new LogAxis(label);
      log.setBase(name.equals("nodes") ? 2 : 10);
      log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      log.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
      log.setLowerMargin(0.04);
      log.setUpperMargin(0.04);
      return log;
    }
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    if (name.equals("nodes")) {
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    return axis;
  }
}
