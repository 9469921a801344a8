package org.xtsim.experiments.figures;

import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Lines and markers, plus a vertical error bar with caps at each point whose interval has width
 * (points without replicates get none). The value range includes the intervals.
 */
final class IntervalRenderer extends XYLineAndShapeRenderer {
  private static final long serialVersionUID = 1L;

  private final transient Stroke errorStroke;
  private final double capHalfWidth;

  /**
   * @param errorStroke the stroke of the bars
   * @param capHalfWidth half the width of a cap, in user units
   */
  IntervalRenderer(Stroke errorStroke, double capHalfWidth) {
    super(true, true);
    this.errorStroke = errorStroke;
    this.capHalfWidth = capHalfWidth;
  }

  @Override
  public Range findRangeBounds(XYDataset dataset) {
    return findRangeBounds(dataset, true);
  }

  @Override
  public void drawItem(
      Graphics2D g2,
      XYItemRendererState state,
      Rectangle2D dataArea,
      PlotRenderingInfo info,
      XYPlot plot,
      ValueAxis domainAxis,
      ValueAxis rangeAxis,
      XYDataset dataset,
      int series,
      int item,
      CrosshairState crosshairState,
      int pass) {
    if (pass == 0 && dataset instanceof IntervalXYDataset d && getItemVisible(series, item)) {
      double low = d.getStartYValue(series, item);
      double high = d.getEndYValue(series, item);
      if (high > low) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double x = domainAxis.valueToJava2D(d.getXValue(series, item), dataArea, xEdge);
        double y0 = rangeAxis.valueToJava2D(low, dataArea, yEdge);
        double y1 = rangeAxis.valueToJava2D(high, dataArea, yEdge);
        g2.setPaint(getItemPaint(series, item));
        g2.setStroke(errorStroke);
        g2.draw(new Line2D.Double(x, y0, x, y1));
        g2.draw(new Line2D.Double(x - capHalfWidth, y0, x + capHalfWidth, y0));
        g2.draw(new Line2D.Double(x - capHalfWidth, y1, x + capHalfWidth, y1));
      }
    }
    super.drawItem(
        g2,
        state,
        dataArea,
        info,
        plot,
        domainAxis,
        rangeAxis,
        dataset,
        series,
        item,
        crosshairState,
        pass);
  }
}
