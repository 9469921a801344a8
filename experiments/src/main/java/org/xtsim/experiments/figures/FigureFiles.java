package org.xtsim.experiments.figures;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.xtsim.experiments.results.AtomicFiles;

/** Writes a chart as {@code <name>.png} and {@code <name>.svg}, each atomically. */
final class FigureFiles {
  private FigureFiles() {}

  /** Writes both files in the standard size and returns their paths. */
  static List<Path> write(JFreeChart chart, Path dir, String name) throws IOException {
    return write(chart, dir, name, ChartStyle.WIDTH, ChartStyle.HEIGHT);
  }

  /** Writes both files, {@code width} × {@code height} pixels, and returns their paths. */
  static List<Path> write(JFreeChart chart, Path dir, String name, int width, int height)
      throws IOException {
    Path png = dir.resolve(name + ".png");
    Path svg = dir.resolve(name + ".svg");
    AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    String document = g2.getSVGDocument();
    AtomicFiles.write(svg, out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
    return List.of(png, svg);
  }

  /** A file-name-safe version of {@code text}. */
  static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9._-]+", "_");
  }
}
