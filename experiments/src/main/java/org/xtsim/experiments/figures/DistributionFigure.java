package org.xtsim.experiments.figures;

import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
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
   * @param rows the rows of one workload, one distribution, one node count and one replicate
   * @return the chart, or null when no row has a value
   */
  static JFreeChart build(String title, List<DistributionRow> rows) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    String unit = "";
    for (DistributionRow r : rows) {
      if (Double.isNaN(r.value())) {
        continue;
      }
      data.addValue(r.value(), series(r), label(r.percentile()));
      min = Math.min(min, r.value());
      max = Math.max(max, r.value());
      unit = r.unit();
    }
    if (data.getRowCount() == 0) {
      return null;
    }
    String yLabel = rows.get(0).distribution() + " (" + unit + ")";
    ValueAxis range;
    if (min > 0 && max / min >= 100) {
      LogAxis log = new LogAxis(yLabel);
      log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
      range = log;
    } else {
      NumberAxis lin = new NumberAxis(yLabel);
      lin.setAutoRangeIncludesZero(false);
      range = lin;
    }
    LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("percentile"), range, renderer);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartStyle.apply(chart, renderer, data.getRowCount());
    return chart;
  }

  private static String series(DistributionRow r) {
    StringBuilder sb = new StringBuilder(r.config());
    r.axes().forEach((k, v) -> sb.append(", ").append(k).append('=').append(v));
    return sb.toString();
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
