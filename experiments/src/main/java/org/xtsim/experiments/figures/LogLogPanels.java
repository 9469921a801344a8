package org.xtsim.experiments.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Stacked panels over one shared logarithmic x axis, each y axis logarithmic where its values span
 * a decade or more: how several costs grow with one size (the scale benchmark's wall time, events,
 * events per second and peak heap against node count).
 */
public final class LogLogPanels {
  /**
   * One panel.
   *
   * @param label the y axis label, with its unit
   * @param ys one value per x, all &gt; 0
   */
  public record Panel(String label, double[] ys) {}

  /** Height of one panel in the image: four panels make a printable page. */
  private static final int PANEL_HEIGHT_PX = 300;

  /** Space between panels. */
  private static final double PANEL_GAP_PX = 12;

  private LogLogPanels() {}

  /**
   * Writes {@code name}.png and {@code name}.svg into {@code dir} and returns their paths.
   *
   * @throws IllegalArgumentException if a panel's values do not match the x values
   */
  public static List<Path> write(
      Path dir, String name, String title, String xLabel, double[] xs, List<Panel> panels)
      throws IOException {
    return write(dir, name, title, xLabel, 10, xs, panels);
  }

  /**
   * As {@link #write(Path, String, String, String, double[], List)}, with ticks on the x axis at
   * the powers of {@code xBase} (2 for thread counts: 1, 2, 4, 8, 16).
   */
  public static List<Path> write(
      Path dir,
      String name,
      String title,
      String xLabel,
      double xBase,
      double[] xs,
      List<Panel> panels)
      throws IOException {
    LogAxis x = logAxis(xLabel, xBase);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
    combined.setGap(PANEL_GAP_PX);
    for (Panel p : panels) {
      if (p.ys().length != xs.length) {
        throw new IllegalArgumentException(
            p.label() + ": " + p.ys().length + " values for " + xs.length + " x values");
      }
      XYSeries series = new XYSeries(p.label());
      for (int i = 0; i < xs.length; i++) {
        series.add(xs[i], p.ys()[i]);
      }
      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
      XYPlot plot = new XYPlot(new XYSeriesCollection(series), null, yAxis(p), renderer);
      combined.add(plot, 1);
    }
    JFreeChart chart = new JFreeChart(title, combined);
    chart.removeLegend();
    for (XYPlot plot : combined.getSubplots()) {
      ChartStyle.apply(chart, (XYLineAndShapeRenderer) plot.getRenderer());
    }
    return FigureFiles.writeChart(
        chart, dir, name, ChartStyle.WIDTH, PANEL_HEIGHT_PX * panels.size());
  }

  /**
   * Logarithmic when the panel's values span a decade or more; within less than a decade a log axis
   * would have no decade to label, so a linear one (not forced to include zero) shows them.
   */
  private static ValueAxis yAxis(Panel p) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double y : p.ys()) {
      min = Math.min(min, y);
      max = Math.max(max, y);
    }
    if (max >= 10 * min) {
      return logAxis(p.label(), 10);
    }
    NumberAxis linear = new NumberAxis(p.label());
    linear.setAutoRangeIncludesZero(false);
    linear.setAutoRangeMinimumSize(0.02 * max + 1e-12);
    linear.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
    return linear;
  }

  private static LogAxis logAxis(String label, double base) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(base);
    axis.setSmallestValue(1e-9);
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
    return axis;
  }
}
