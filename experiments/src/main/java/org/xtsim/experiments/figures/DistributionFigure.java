package org.xtsim.experiments.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.xtsim.experiments.results.DistributionRow;

/**
 * Percentiles of one distribution (min, p50 … p99.99, max) with one line per configuration, at one
 * node count, replicate 0: the shape of the tail, e.g. how preemption or noise stretches iteration
 * times.
 */
final class DistributionFigure {
  private DistributionFigure() {}

  /**
   * @param title chart title
   * @param rows the rows of one workload, one distribution, one node count and one replicate
   * @param seriesAxes sweep axes that vary among the rows (they split series)
   * @param configurations all configuration labels in order, for consistent series colours
   * @return the chart, or null when no row has a value
   */
  static JFreeChart build(
      String title,
      List<DistributionRow> rows,
      List<String> seriesAxes,
      List<String> configurations) {
    SeriesPlan<DistributionRow> plan =
        new SeriesPlan<>(DistributionRow::config, (r, a) -> r.axes().get(a));
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Map<String, String> configOf = new LinkedHashMap<>();
    Map<String, String> variantOf = new LinkedHashMap<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    String unit = "";
    for (DistributionRow r : rows) {
      if (Double.isNaN(r.value())) {
        continue;
      }
      String name = plan.seriesName(r, seriesAxes);
      configOf.put(name, r.config());
      variantOf.put(name, plan.variant(r, seriesAxes));
      data.addValue(r.value(), name, label(r.percentile()));
      min = Math.min(min, r.value());
      max = Math.max(max, r.value());
      unit = r.unit();
    }
    if (data.getRowCount() == 0) {
      return null;
    }
    String yLabel = rows.get(0).distribution() + " (" + unit + ")";
    ValueAxis range = ChartStyle.valueAxis(yLabel, min, max, false);
    LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("percentile"), range, renderer);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    List<String> names = new ArrayList<>();
    for (Object key : data.getRowKeys()) {
      names.add(key.toString());
    }
    ChartStyle.apply(
        chart,
        renderer,
        XyFigure.indices(names, configOf, configurations),
        XyFigure.indices(
            names, variantOf, new ArrayList<>(new LinkedHashSet<>(variantOf.values()))));
    return chart;
  }

  /** "min", "p50", "p99.9", "max". */
  static String label(double percentile) {
    if (percentile == 0) {
      return "min";
    }
    if (percentile == 100) {
      return "max";
    }
    String p = String.format(Locale.ROOT, "%s", percentile);
    return "p" + (p.endsWith(".0") ? p.substring(0, p.length() - 2) : p);
  }
}
