package org.xtsim.experiments.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * The legend of a figure, drawn by hand so that its size is known before the plots are placed: one
 * entry per curve (a line sample with its marker, then the label), in groups with an optional
 * header (one group per panel when the panels hold different configurations). Two arrangements: a
 * single column to the right of the plots, or columns below them.
 */
final class LegendBlock {
  /**
   * One group of entries.
   *
   * @param header the group's header ("" for none)
   * @param entries its entries
   */
  record Group(String header, List<Entry> entries) {}

  /**
   * One entry.
   *
   * @param label the label
   * @param style how its curve is drawn
   */
  record Entry(String label, SeriesStyle style) {}

  private final List<Group> groups;
  private final FigureStyle style;
  private final Font font;
  private final Font headerFont;
  private final FontMetrics metrics;
  private final double sample;
  private final double gap;
  private final double row;
  private final double columnWidth;

  /** Columns per group, groups side by side (true) or stacked; set by {@link #arrange}. */
  private int columnsPerGroup = 1;

  private boolean sideBySide;

  LegendBlock(List<Group> groups, FigureStyle style, Graphics2D g2) {
    this.groups = groups;
    this.style = style;
    this.font = style.legendFont();
    this.headerFont = style.fonts().bold(style.sizes().legendPt());
    this.metrics = g2.getFontMetrics(font);
    FontMetrics header = g2.getFontMetrics(headerFont);
    this.sample = 2.8 * font.getSize2D();
    this.gap = 0.5 * font.getSize2D();
    this.row = 1.15 * metrics.getHeight();
    double widest = 0;
    for (Group g : groups) {
      widest = Math.max(widest, header.stringWidth(g.header()));
      for (Entry e : g.entries()) {
        widest = Math.max(widest, sample + gap + metrics.stringWidth(e.label()));
      }
    }
    this.columnWidth = widest + 2 * gap;
  }

  /** Width of the single-column arrangement. */
  double columnWidth() {
    return columnWidth;
  }

  /** Arranges the legend in one column (right of the plots) and returns its height. */
  double arrangeColumn() {
    columnsPerGroup = 1;
    sideBySide = false;
    return height();
  }

  /** Arranges the legend in columns within {@code width} (below the plots); returns its height. */
  double arrange(double width) {
    int columns = Math.max(1, (int) Math.floor(width / columnWidth));
    sideBySide = groups.size() > 1 && columns >= groups.size();
    columnsPerGroup = sideBySide ? columns / groups.size() : columns;
    int most = groups.stream().mapToInt(g -> g.entries().size()).max().orElse(1);
    columnsPerGroup = Math.max(1, Math.min(columnsPerGroup, most));
    return height();
  }

  /** Width of the current arrangement. */
  double width() {
    return columnWidth * columnsPerGroup * (sideBySide ? groups.size() : 1);
  }

  private double height() {
    double h = 0;
    for (Group g : groups) {
      double rows = rows(g) + (g.header().isEmpty() ? 0 : 1);
      h = sideBySide ? Math.max(h, rows * row) : h + rows * row;
    }
    return h;
  }

  private int rows(Group g) {
    return (g.entries().size() + columnsPerGroup - 1) / columnsPerGroup;
  }

  /** Draws the legend with its top left corner at (x, y). */
  void draw(Graphics2D g2, double x, double y) {
    double gx = x;
    double gy = y;
    for (Group g : groups) {
      double top = gy;
      if (!g.header().isEmpty()) {
        g2.setFont(headerFont);
        g2.setPaint(Color.BLACK);
        g2.drawString(g.header(), (float) (gx + gap), (float) (top + baseline()));
        top += row;
      }
      int perColumn = rows(g);
      for (int i = 0; i < g.entries().size(); i++) {
        double ex = gx + (i / perColumn) * columnWidth + gap;
        double ey = top + (i % perColumn) * row;
        entry(g2, g.entries().get(i), ex, ey);
      }
      double rows = perColumn + (g.header().isEmpty() ? 0 : 1);
      if (sideBySide) {
        gx += columnWidth * columnsPerGroup;
      } else {
        gy += rows * row;
      }
    }
  }

  private void entry(Graphics2D g2, Entry e, double x, double y) {
    FigureStyle.Sizes z = style.sizes();
    double mid = y + row / 2;
    g2.setPaint(e.style().paint());
    g2.setStroke(e.style().line(z.line()));
    g2.draw(new Line2D.Double(x, mid, x + sample, mid));
    Shape marker =
        AffineTransform.getTranslateInstance(x + sample / 2, mid)
            .createTransformedShape(e.style().shape(z.marker()));
    g2.setStroke(new BasicStroke(z.markerLine()));
    g2.draw(marker);
    g2.setFont(font);
    g2.setPaint(Color.BLACK);
    g2.drawString(e.label(), (float) (x + sample + gap), (float) (y + baseline()));
  }

  /** Baseline of a row's text below the row's top. */
  private double baseline() {
    return (row - metrics.getHeight()) / 2 + metrics.getAscent();
  }
}
