package org.xtsim.experiments.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The slides look for a single JFreeChart with one series per plot (the benchmark reports' stacked
 * panels, {@link LogLogPanels}): white background, light grid, Liberation Sans, a thick black line
 * with round markers. The result figures are laid out by {@link FigureCanvas} instead.
 */
final class ChartStyle {
  /** Figure width in pixels (PNG) and user units (SVG). */
  static final int WIDTH = 1000;

  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  private ChartStyle() {}

  /** Applies the style to a chart and the renderer of its (one) series. */
  static void apply(JFreeChart chart, XYLineAndShapeRenderer renderer) {
    FigureStyle slides = FigureStyle.SLIDES;
    Font label = slides.fonts().regular(19f);
    Font ticks = slides.tickFont();
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(slides.titleFont());
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    if (plot instanceof CombinedDomainXYPlot combined) {
      axis(combined.getDomainAxis(), label, ticks);
      for (XYPlot sub : combined.getSubplots()) {
        sub.setBackgroundPaint(Color.WHITE);
        sub.setOutlinePaint(Color.GRAY);
        sub.setDomainGridlinePaint(GRID);
        sub.setRangeGridlinePaint(GRID);
        axis(sub.getRangeAxis(), label, ticks);
      }
    } else if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      axis(xy.getDomainAxis(), label, ticks);
      axis(xy.getRangeAxis(), label, ticks);
    }
    SeriesStyle style = new SeriesStyle(0, 0, 0);
    renderer.setSeriesPaint(0, style.paint());
    renderer.setSeriesStroke(
        0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    renderer.setSeriesShape(0, style.shape(10));
  }

  private static void axis(Axis axis, Font label, Font ticks) {
    axis.setLabelFont(label);
    axis.setTickLabelFont(ticks);
    axis.setAxisLinePaint(Color.GRAY);
  }
}
