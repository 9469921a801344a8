package org.xtsim.experiments.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One publication style for every figure: white background, light grid, large fonts, thick lines
 * with markers, the Okabe–Ito colour-blind-safe palette, legend below the plot.
 */
final class ChartStyle {
  /** Figure width in pixels (PNG) and user units (SVG). */
  static final int WIDTH = 1000;

  /** Figure height. */
  static final int HEIGHT = 650;

  private static final String FAMILY = Font.SANS_SERIF;
  private static final Font TITLE = new Font(FAMILY, Font.BOLD, 22);
  private static final Font LABEL = new Font(FAMILY, Font.PLAIN, 19);
  private static final Font TICKS = new Font(FAMILY, Font.PLAIN, 16);
  private static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 16);
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  /**
   * Okabe & Ito (2008), "Color Universal Design": distinguishable under colour blindness; their
   * yellow, too faint on white, is replaced by Paul Tol's wine.
   */
  private static final Color[] PALETTE = {
    new Color(0x00, 0x00, 0x00),
    new Color(0xE6, 0x9F, 0x00),
    new Color(0x56, 0xB4, 0xE9),
    new Color(0x00, 0x9E, 0x73),
    new Color(0xD5, 0x5E, 0x00),
    new Color(0x00, 0x72, 0xB2),
    new Color(0xCC, 0x79, 0xA7),
    new Color(0x88, 0x22, 0x55),
  };

  private static final Shape[] SHAPES = {
    new Ellipse2D.Double(-5, -5, 10, 10),
    new Rectangle2D.Double(-4.5, -4.5, 9, 9),
    triangle(),
    diamond(),
  };

  private ChartStyle() {}

  /**
   * Applies the style to a chart and its renderer. Series {@code s} gets the colour of
   * configuration number {@code colours[s]} (so a configuration looks the same in every figure) and
   * the marker and dash of variant number {@code variants[s]} (other axis values).
   */
  static void apply(JFreeChart chart, AbstractRenderer renderer, int[] colours, int[] variants) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(TITLE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LEGEND);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    if (plot instanceof CombinedDomainXYPlot combined) {
      axis(combined.getDomainAxis());
      for (XYPlot sub : combined.getSubplots()) {
        sub.setBackgroundPaint(Color.WHITE);
        sub.setOutlinePaint(Color.GRAY);
        sub.setDomainGridlinePaint(GRID);
        sub.setRangeGridlinePaint(GRID);
        axis(sub.getRangeAxis());
      }
    } else if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      axis(xy.getDomainAxis());
      axis(xy.getRangeAxis());
    } else if (plot instanceof CategoryPlot cat) {
      cat.setRangeGridlinePaint(GRID);
      axis(cat.getDomainAxis());
      axis(cat.getRangeAxis());
    }
    for (int s = 0; s < colours.length; s++) {
      renderer.setSeriesPaint(s, PALETTE[colours[s] % PALETTE.length]);
      boolean dashed = ((colours[s] / PALETTE.length) + variants[s]) % 2 == 1;
      float[] dash = dashed ? new float[] {8f, 5f} : null;
      renderer.setSeriesStroke(
          s, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
      renderer.setSeriesShape(
          s, SHAPES[(colours[s] / PALETTE.length + variants[s]) % SHAPES.length]);
    }
  }

  /**
   * A value axis for data in [min, max]: log10 when positive data span two decades or more (and no
   * zero line is wanted), else linear, with a minimum span so that flat data stays readable (at
   * least 1 unit when a zero line is drawn, e.g. 1 % for overheads, or 2 % of the magnitude).
   */
  static ValueAxis valueAxis(String label, double min, double max, boolean zeroLine) {
    if (!zeroLine && min > 0 && max / min >= 100) {
      LogAxis log = new LogAxis(label);
      log.setBase(10);
      log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      log.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
      return log;
    }
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(zeroLine);
    axis.setAutoRangeMinimumSize(
        Math.max(zeroLine ? 1.0 : 0.0, 0.02 * Math.max(Math.abs(min), Math.abs(max))) + 1e-12);
    return axis;
  }

  private static void axis(Axis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICKS);
    axis.setAxisLinePaint(Color.GRAY);
  }

  private static Shape triangle() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -6);
    p.lineTo(5.5, 4.5);
    p.lineTo(-5.5, 4.5);
    p.closePath();
    return p;
  }

  private static Shape diamond() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -6);
    p.lineTo(6, 0);
    p.lineTo(0, 6);
    p.lineTo(-6, 0);
    p.closePath();
    return p;
  }
}
