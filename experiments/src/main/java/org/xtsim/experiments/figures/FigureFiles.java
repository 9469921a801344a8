package org.xtsim.experiments.figures;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import org.xtsim.experiments.results.AtomicFiles;

/**
 * Writes figures as files, each atomically: PNG (raster, pixels), SVG (text in a standard font
 * family; sizes in points for paper, so a 3.5 in figure says {@code width="252pt"}) and PDF (page
 * the size of the figure, fonts embedded as subsets).
 */
final class FigureFiles {
  private FigureFiles() {}

  /**
   * Writes {@code figure} in {@code style}: each of the style's formats at each of its widths, as
   * {@code <name><width suffix>.<format>}.
   */
  static List<Path> write(Figure figure, FigureStyle style, SeriesStyles styles, Path dir)
      throws IOException {
    FigureCanvas canvas = new FigureCanvas(figure, style, styles);
    List<Path> written = new ArrayList<>();
    for (FigureStyle.Width w : style.widths()) {
      double width = w.width();
      double height = canvas.height(width);
      String stem = figure.name() + w.suffix();
      for (FigureStyle.Format format : style.formats()) {
        Path file = dir.resolve(stem + "." + format.name().toLowerCase(java.util.Locale.ROOT));
        switch (format) {
          case PNG -> png(canvas, width, height, file);
          case SVG -> svg(canvas, style, width, height, file);
          case PDF -> pdf(canvas, style, width, height, file);
        }
        written.add(file);
      }
    }
    return written;
  }

  private static void png(FigureCanvas canvas, double width, double height, Path file)
      throws IOException {
    BufferedImage image =
        new BufferedImage(
            (int) Math.ceil(width), (int) Math.ceil(height), BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      canvas.draw(g2, width, height);
    } finally {
      g2.dispose();
    }
    AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
  }

  private static void svg(
      FigureCanvas canvas, FigureStyle style, double width, double height, Path file)
      throws IOException {
    SVGGraphics2D g2 =
        style == FigureStyle.PAPER
            ? new SVGGraphics2D(width, height, SVGUnits.PT)
            : new SVGGraphics2D(width, height);
    String families = style.fonts().cssFamilies();
    g2.setFontFunction(family -> families);
    canvas.draw(g2, width, height);
    // The view box maps user units to the stated size (1 unit = 1 pt for paper).
    String document =
        "<?xml version=\"1.0\"?>\n"
            + g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    AtomicFiles.write(file, out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
  }

  private static void pdf(
      FigureCanvas canvas, FigureStyle style, double width, double height, Path file)
      throws IOException {
    try (PDDocument document = new PDDocument();
        PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
      PDPage page = new PDPage(new PDRectangle((float) width, (float) height));
      document.addPage(page);
      for (String resource : style.fonts().resources()) {
        try (InputStream in = FigureFiles.class.getResourceAsStream(resource)) {
          fonts.registerFont(in);
        }
      }
      PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(document, (float) width, (float) height);
      g2.setFontTextDrawer(fonts);
      try {
        canvas.draw(g2, width, height);
      } finally {
        g2.dispose();
      }
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawForm(g2.getXFormObject());
      }
      AtomicFiles.write(file, document::save);
    }
  }

  /**
   * Writes a single JFreeChart (the benchmark reports' panels) as {@code <name>.png} and {@code
   * <name>.svg}, {@code width} × {@code height} pixels.
   */
  static List<Path> writeChart(JFreeChart chart, Path dir, String name, int width, int height)
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
