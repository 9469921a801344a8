package org.xtsim.experiments.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The JFreeChart plots of one panel: one plot, or two (top first) for a broken y axis, all with the
 * panel's curves in their configurations' styles. Axis labels are left to the figure (one per
 * figure, not per panel); only the bottom plot shows the x axis.
 */
final class PanelPlots {
  private static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
  private static final Color AXIS = new Color(0x55, 0x55, 0x55);

  /** Steps between labelled powers on a log axis: every power, every second, third … */
  private static final TickUnits EXPONENT_STEPS = new TickUnits();

  static {
    for (int step : new int[] {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50}) {
      EXPONENT_STEPS.add(new NumberTickUnit(step));
    }
  }

  private PanelPlots() {}

  /** The plots of {@code panel}, top first. */
  static List<XYPlot> build(
      Figure figure, Figure.Panel panel, YRange range, SeriesStyles styles, FigureStyle style) {
    List<XYPlot> plots = new ArrayList<>();
    for (int s = 0; s < range.segments().size(); s++) {
      boolean bottom = s == range.segments().size() - 1;
      XYPlot plot =
          new XYPlot(
              dataset(panel),
              xAxis(figure.x(), style, bottom),
              yAxis(range, s, figure.zeroLine(), style),
              renderer(panel, styles, style));
      plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
      plot.setBackgroundPaint(Color.WHITE);
      plot.setOutlinePaint(AXIS);
      plot.setOutlineStroke(new BasicStroke(style.sizes().markerLine() * 0.8f));
      plot.setInsets(RectangleInsets.ZERO_INSETS);
      plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
      BasicStroke grid = new BasicStroke(style.sizes().line() * 0.45f);
      plot.setDomainGridlinePaint(GRID);
      plot.setRangeGridlinePaint(GRID);
      plot.setDomainGridlineStroke(grid);
      plot.setRangeGridlineStroke(grid);
      if (figure.zeroLine()) {
        plot.addRangeMarker(new ValueMarker(0, AXIS, new BasicStroke(style.sizes().line() * 0.6f)));
      }
      plots.add(plot);
    }
    return plots;
  }

  private static YIntervalSeriesCollection dataset(Figure.Panel panel) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Figure.Curve c : panel.curves()) {
      YIntervalSeries series = new YIntervalSeries(c.label(), true, false);
      for (Figure.Point p : c.points()) {
        series.add(p.x(), p.y().mean(), p.y().low(), p.y().high());
      }
      data.addSeries(series);
    }
    return data;
  }

  private static IntervalRenderer renderer(
      Figure.Panel panel, SeriesStyles styles, FigureStyle style) {
    FigureStyle.Sizes z = style.sizes();
    IntervalRenderer r = new IntervalRenderer(new BasicStroke(z.errorLine()), z.cap());
    r.setDefaultShapesFilled(false);
    r.setDrawOutlines(true);
    r.setUseOutlinePaint(false);
    for (int s = 0; s < panel.curves().size(); s++) {
      SeriesStyle st = styles.of(panel.curves().get(s).config());
      r.setSeriesPaint(s, st.paint());
      r.setSeriesStroke(s, st.line(z.line()));
      r.setSeriesShape(s, st.shape(z.marker()));
      r.setSeriesOutlineStroke(s, new BasicStroke(z.markerLine()));
    }
    return r;
  }

  private static ValueAxis xAxis(Figure.XAxis x, FigureStyle style, boolean visible) {
    ValueAxis axis;
    switch (x.kind()) {
      case LOG2, LOG10 -> {
        boolean log2 = x.kind() == Figure.XKind.LOG2;
        LogAxis log = new LogAxis(null);
        log.setBase(log2 ? 2 : 10);
        log.setStandardTickUnits(EXPONENT_STEPS);
        log.setNumberFormatOverride(new DecimalFormat(log2 ? "0" : "#,##0.###"));
        log.setSmallestValue(1e-12);
        log.setLowerMargin(0.04);
        log.setUpperMargin(0.04);
        axis = log;
      }
      case CATEGORIES -> {
        SymbolAxis symbols = new SymbolAxis(null, x.categories().toArray(new String[0]));
        symbols.setGridBandsVisible(false);
        symbols.setRange(-0.4, x.categories().size() - 0.6);
        axis = symbols;
      }
      default -> {
        NumberAxis linear = new NumberAxis(null);
        linear.setAutoRangeIncludesZero(false);
        axis = linear;
      }
    }
    dress(axis, style);
    axis.setVisible(visible);
    return axis;
  }

  private static ValueAxis yAxis(YRange range, int segment, boolean zeroLine, FigureStyle style) {
    ValueAxis axis;
    switch (range.kind()) {
      case LOG -> {
        LogAxis log = new LogAxis(null);
        log.setBase(10);
        log.setSmallestValue(1e-12);
        log.setStandardTickUnits(EXPONENT_STEPS);
        log.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        axis = log;
      }
      case BROKEN -> {
        double[] r = range.segments().get(segment);
        NumberAxis fixed = new NumberAxis(null);
        fixed.setAutoRange(false);
        fixed.setRange(r[0], r[1]);
        axis = fixed;
      }
      default -> {
        double[] r = range.segments().get(0);
        double magnitude = Math.max(Math.abs(r[0]), Math.abs(r[1]));
        NumberAxis linear = new NumberAxis(null);
        linear.setAutoRangeIncludesZero(zeroLine);
        linear.setAutoRangeMinimumSize(
            Math.max(zeroLine ? 1.0 : 0.0, YRange.MIN_SPAN_SHARE * magnitude) + 1e-12);
        axis = linear;
      }
    }
    dress(axis, style);
    return axis;
  }

  private static void dress(ValueAxis axis, FigureStyle style) {
    float unit = style.sizes().markerLine();
    axis.setTickLabelFont(style.tickFont());
    axis.setTickLabelPaint(Color.BLACK);
    axis.setAxisLinePaint(AXIS);
    axis.setAxisLineStroke(new BasicStroke(unit * 0.8f));
    axis.setTickMarkPaint(AXIS);
    axis.setTickMarkStroke(new BasicStroke(unit * 0.8f));
    axis.setTickMarkInsideLength(0);
    axis.setTickMarkOutsideLength((float) style.sizes().pad() * 0.8f);
    double gap = style.sizes().pad() * 0.5;
    axis.setTickLabelInsets(new RectangleInsets(gap, gap, gap, gap));
  }
}
