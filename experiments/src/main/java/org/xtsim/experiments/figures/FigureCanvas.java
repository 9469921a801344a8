package org.xtsim.experiments.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * Lays out and draws one {@link Figure} onto any Graphics2D (PNG, SVG, PDF): title (slides), a grid
 * of panels (stacked in a narrow figure, side by side in a wide one) with aligned axes and titles,
 * one y label and one x label for all panels, the legend (right of the panels when it is narrow
 * enough, else below), and notes (coinciding lines, what the error bars are).
 */
final class FigureCanvas {
  static {
    // JFreeChart draws axis text through TextLayout by default (a workaround for a JDK 1.3 bug),
    // which SVG and PDF graphics turn into glyph outlines; drawString keeps text as text.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private final Figure figure;
  private final FigureStyle style;
  private final SeriesStyles styles;
  private final List<YRange> ranges = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  FigureCanvas(Figure figure, FigureStyle style, SeriesStyles styles) {
    this.figure = figure;
    this.style = style;
    this.styles = styles;
    List<String> coinciding = new ArrayList<>();
    for (Figure.Panel p : figure.panels()) {
      YRange range = YRange.choose(p.curves(), figure.zeroLine());
      ranges.add(range);
      for (List<String> group : CoincidentCurves.find(p, range)) {
        coinciding.add(
            String.join(" = ", group) + (p.title().isEmpty() ? "" : " (" + p.title() + ")"));
      }
    }
    if (!coinciding.isEmpty()) {
      notes.add("Lines that coincide: " + String.join("; ", coinciding) + ".");
    }
    if (figure.hasIntervals()) {
      notes.add("Error bars: 95 % confidence interval of the mean over replicates (Student t).");
    }
  }

  /** The notes printed under the figure. */
  List<String> notes() {
    return notes;
  }

  /** The y axis chosen for each panel. */
  List<YRange> ranges() {
    return ranges;
  }

  /**
   * The figure's height at {@code width}: fixed for slides, from the number of panel rows, the
   * legend and the notes for paper.
   */
  double height(double width) {
    if (style == FigureStyle.SLIDES) {
      return FigureStyle.SLIDES_HEIGHT_PX;
    }
    Graphics2D g2 = scratch();
    try {
      return new Layout(g2, width, Double.NaN).height;
    } finally {
      g2.dispose();
    }
  }

  /** Draws the figure into [0, width] × [0, height]. */
  void draw(Graphics2D g2, double width, double height) {
    hints(g2);
    g2.setPaint(Color.WHITE);
    g2.fill(new Rectangle2D.Double(0, 0, width, height));
    new Layout(g2, width, height).draw(g2);
  }

  /** Rendering hints for crisp vector output and antialiased raster output. */
  static void hints(Graphics2D g2) {
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g2.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g2.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  private static Graphics2D scratch() {
    Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    hints(g2);
    return g2;
  }

  /** The title on slides; on paper (the caption has the title) the context, if any. */
  private String heading() {
    return style.titled() ? figure.title() : figure.context();
  }

  private Font headingFont() {
    return style.titled() ? style.titleFont() : style.facetFont();
  }

  /** The legend: one group per panel when panels hold different configurations, else one. */
  private List<LegendBlock.Group> legendGroups() {
    Set<String> seen = new LinkedHashSet<>();
    boolean disjoint = figure.panels().size() > 1;
    for (Figure.Panel p : figure.panels()) {
      for (Figure.Curve c : p.curves()) {
        disjoint &= seen.add(c.config());
      }
    }
    List<LegendBlock.Group> groups = new ArrayList<>();
    if (disjoint) {
      for (Figure.Panel p : figure.panels()) {
        List<LegendBlock.Entry> entries = new ArrayList<>();
        p.curves().forEach(c -> entries.add(entry(c)));
        groups.add(new LegendBlock.Group(p.title(), entries));
      }
      return groups;
    }
    Map<String, LegendBlock.Entry> entries = new LinkedHashMap<>();
    for (Figure.Panel p : figure.panels()) {
      p.curves().forEach(c -> entries.putIfAbsent(c.config(), entry(c)));
    }
    groups.add(new LegendBlock.Group("", new ArrayList<>(entries.values())));
    return groups;
  }

  private LegendBlock.Entry entry(Figure.Curve c) {
    return new LegendBlock.Entry(c.label(), styles.of(c.config()));
  }

  /** Where everything goes at one size. */
  private final class Layout {
    final double width;
    final double height;
    final double pad;
    final double titleHeight;
    final double facetHeight;
    final double ticksHeight;
    final double labelHeight;
    final double plotHeight;
    final double gridX;
    final double gridTop;
    final double gridWidth;
    final double gridBottom;
    final int columns;
    final double cellWidth;
    final LegendBlock legend;
    final boolean legendRight;
    final double legendHeight;
    final List<String> noteLines;
    final double noteLine;
    final List<List<XYPlot>> plots = new ArrayList<>();
    double axisLeft;

    Layout(Graphics2D g2, double width, double fixedHeight) {
      FigureStyle.Sizes z = style.sizes();
      this.width = width;
      pad = z.pad();
      FontMetrics label = g2.getFontMetrics(style.labelFont());
      FontMetrics tick = g2.getFontMetrics(style.tickFont());
      FontMetrics note = g2.getFontMetrics(style.noteFont());
      titleHeight =
          heading().isEmpty() ? 0 : g2.getFontMetrics(headingFont()).getHeight() + pad * 0.8;
      boolean facets = figure.panels().size() > 1 || !figure.panels().get(0).title().isEmpty();
      facetHeight = facets ? g2.getFontMetrics(style.facetFont()).getHeight() + pad * 0.4 : 0;
      ticksHeight = tick.getAscent() + tick.getDescent() + pad * 1.8;
      labelHeight = label.getHeight() + pad * 0.4;
      legend = new LegendBlock(legendGroups(), style, g2);
      boolean narrow = FigureStyle.narrow(width);
      legendRight = !narrow && legend.columnWidth() <= 0.3 * width;
      legendHeight = legendRight ? legend.arrangeColumn() : legend.arrange(width - 2 * pad);
      int n = figure.panels().size();
      columns = narrow ? 1 : Math.min(n, 3);
      int rows = (n + columns - 1) / columns;
      gridX = pad + labelHeight;
      gridTop = pad + titleHeight;
      // Room on the right for half of the last tick label and the marks of a broken axis.
      double overhang = style.sizes().tickPt() * 1.2;
      gridWidth = width - gridX - pad - overhang - (legendRight ? legend.width() + pad : 0);
      cellWidth = (gridWidth - (columns - 1) * z.panelGap()) / columns;
      noteLine = note.getHeight();
      noteLines = new ArrayList<>();
      for (String text : notes) {
        noteLines.addAll(wrap(text, note, width - 2 * pad));
      }
      double notesHeight = noteLines.isEmpty() ? 0 : noteLines.size() * noteLine + pad * 0.5;
      double below = labelHeight + (legendRight ? 0 : legendHeight + pad) + notesHeight;
      double rowChrome = facetHeight + ticksHeight;
      if (Double.isNaN(fixedHeight)) {
        plotHeight = FigureStyle.PAPER_PANEL_HEIGHT_PT * (narrow ? 1 : 1.15);
        double grid = rows * (rowChrome + plotHeight) + (rows - 1) * z.panelGap();
        double legendFloor = legendRight ? legendHeight + facetHeight : 0;
        height = gridTop + Math.max(grid, legendFloor) + below + pad;
      } else {
        height = fixedHeight;
        double grid = height - gridTop - below - pad;
        plotHeight = (grid - (rows - 1) * z.panelGap()) / rows - rowChrome;
      }
      gridBottom = gridTop + rows * (rowChrome + plotHeight) + (rows - 1) * z.panelGap();
      for (int i = 0; i < n; i++) {
        plots.add(PanelPlots.build(figure, figure.panels().get(i), ranges.get(i), styles, style));
      }
      alignAxes(g2);
    }

    /** The same left axis width for every plot, so that panels line up. */
    private void alignAxes(Graphics2D g2) {
      axisLeft = 0;
      for (int i = 0; i < plots.size(); i++) {
        for (int s = 0; s < plots.get(i).size(); s++) {
          XYPlot p = plots.get(i).get(s);
          Rectangle2D area = segment(i, s);
          AxisSpace need =
              p.getRangeAxis().reserveSpace(g2, p, area, RectangleEdge.LEFT, new AxisSpace());
          axisLeft = Math.max(axisLeft, need.getLeft());
        }
      }
      for (int i = 0; i < plots.size(); i++) {
        List<XYPlot> panel = plots.get(i);
        for (int s = 0; s < panel.size(); s++) {
          AxisSpace left = new AxisSpace();
          left.setLeft(axisLeft);
          panel.get(s).setFixedRangeAxisSpace(left);
          AxisSpace bottom = new AxisSpace();
          bottom.setBottom(s == panel.size() - 1 ? ticksHeight : 0);
          panel.get(s).setFixedDomainAxisSpace(bottom);
        }
      }
    }

    /** The area of segment {@code s} of panel {@code i}, its x axis included. */
    private Rectangle2D segment(int i, int s) {
      FigureStyle.Sizes z = style.sizes();
      int col = i % columns;
      int row = i / columns;
      double x = gridX + col * (cellWidth + z.panelGap());
      double y =
          gridTop + row * (facetHeight + plotHeight + ticksHeight + z.panelGap()) + facetHeight;
      List<Integer> weights = ranges.get(i).weights();
      double total = weights.stream().mapToInt(Integer::intValue).sum();
      double available = plotHeight - (weights.size() - 1) * z.segmentGap();
      for (int k = 0; k < s; k++) {
        y += available * weights.get(k) / total + z.segmentGap();
      }
      double h = available * weights.get(s) / total;
      return new Rectangle2D.Double(
          x, y, cellWidth, h + (s == weights.size() - 1 ? ticksHeight : 0));
    }

    void draw(Graphics2D g2) {
      if (!heading().isEmpty()) {
        g2.setFont(headingFont());
        g2.setPaint(Color.BLACK);
        TextUtils.drawAlignedString(
            heading(), g2, (float) (width / 2), (float) pad, TextAnchor.TOP_CENTER);
      }
      for (int i = 0; i < plots.size(); i++) {
        drawPanel(g2, i);
      }
      g2.setPaint(Color.BLACK);
      g2.setFont(style.labelFont());
      double plotsTop = gridTop + facetHeight;
      double plotsBottom = gridBottom - ticksHeight;
      TextUtils.drawRotatedString(
          figure.yLabel(),
          g2,
          (float) (pad + labelHeight / 2),
          (float) ((plotsTop + plotsBottom) / 2),
          TextAnchor.CENTER,
          -Math.PI / 2,
          TextAnchor.CENTER);
      double dataLeft = gridX + axisLeft;
      TextUtils.drawAlignedString(
          figure.x().label(),
          g2,
          (float) ((dataLeft + gridX + gridWidth) / 2),
          (float) gridBottom,
          TextAnchor.TOP_CENTER);
      double y = gridBottom + labelHeight;
      if (legendRight) {
        legend.draw(g2, width - pad - legend.width(), gridTop + facetHeight);
      } else {
        y += pad * 0.5;
        legend.draw(g2, (width - legend.width()) / 2, y);
        y += legendHeight + pad * 0.5;
      }
      g2.setFont(style.noteFont());
      g2.setPaint(Color.DARK_GRAY);
      for (String line : noteLines) {
        TextUtils.drawAlignedString(line, g2, (float) pad, (float) y, TextAnchor.TOP_LEFT);
        y += noteLine;
      }
    }

    private void drawPanel(Graphics2D g2, int i) {
      List<XYPlot> panel = plots.get(i);
      List<Rectangle2D> data = new ArrayList<>();
      for (int s = 0; s < panel.size(); s++) {
        PlotRenderingInfo info = new PlotRenderingInfo(null);
        panel.get(s).draw(g2, segment(i, s), null, null, info);
        data.add(info.getDataArea());
      }
      Rectangle2D top = data.get(0);
      String title = figure.panels().get(i).title();
      if (!title.isEmpty()) {
        g2.setFont(style.facetFont());
        g2.setPaint(Color.BLACK);
        TextUtils.drawAlignedString(
            title,
            g2,
            (float) top.getCenterX(),
            (float) (top.getMinY() - pad * 0.3),
            TextAnchor.BOTTOM_CENTER);
      }
      for (int s = 0; s + 1 < data.size(); s++) {
        breakMarks(g2, data.get(s).getMaxY(), data.get(s + 1).getMinY(), data.get(s));
      }
    }

    /** Short diagonal strokes at both ends of the gap of a broken axis. */
    private void breakMarks(Graphics2D g2, double above, double below, Rectangle2D area) {
      double d = pad * 0.9;
      g2.setPaint(Color.DARK_GRAY);
      g2.setStroke(new BasicStroke(style.sizes().markerLine()));
      for (double x : new double[] {area.getMinX(), area.getMaxX()}) {
        for (double y : new double[] {above, below}) {
          g2.draw(new Line2D.Double(x - d, y + d / 2, x + d, y - d / 2));
        }
      }
    }
  }

  /** {@code text} broken into lines no wider than {@code width}. */
  static List<String> wrap(String text, FontMetrics metrics, double width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && metrics.stringWidth(candidate) > width) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
