package org.xtsim.experiments.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;
import org.xtsim.experiments.Metric;
import org.xtsim.experiments.results.MeanInterval;
import org.xtsim.experiments.results.ResultRow;

class FigureFilesTest {
  @TempDir Path tmp;

  /** hpccg on 1 and 2 nodes, native and nested, three replicates each. */
  private static List<ResultRow> replicated() {
    List<ResultRow> rows = new ArrayList<>();
    double[][] mflops = {{430, 436, 433}, {300, 420, 390}};
    String[] configs = {"native", "nested"};
    for (int c = 0; c < 2; c++) {
      for (int nodes = 1; nodes <= 2; nodes++) {
        for (int rep = 0; rep < 3; rep++) {
          double v = mflops[c][rep] + nodes;
          double overhead = 100 * (mflops[0][rep] - mflops[c][rep]) / (mflops[0][rep] + nodes);
          rows.add(
              new ResultRow(
                  "p" + c + nodes + rep,
                  "f",
                  "hpccg",
                  configs[c],
                  "native",
                  nodes,
                  "cnl",
                  configs[c],
                  "false",
                  c == 0 ? "none" : "controlled",
                  "passthrough",
                  rep,
                  7,
                  Map.of(),
                  "mflops_per_node",
                  v,
                  "MFLOPS",
                  Metric.Better.HIGHER,
                  c == 0 ? 0 : overhead,
                  1,
                  10));
        }
      }
    }
    return rows;
  }

  @Test
  void shouldWritePaperFiguresAsSvgAndPdfAtColumnWidthsWithFontsEmbedded() throws IOException {
    List<Path> files = Figures.drawAll(replicated(), List.of(), tmp, FigureStyle.PAPER);
    assertEquals(8, files.size(), "scaling and overhead, 3.5 in and 7 in, SVG and PDF");
    for (String width : List.of("3.5in", "7in")) {
      double points = width.equals("7in") ? 504 : 252;
      String svg = Files.readString(tmp.resolve("scaling-hpccg-" + width + ".svg"));
      Matcher m = Pattern.compile("<svg[^>]* width='([0-9.]+)pt'").matcher(svg);
      assertTrue(m.find(), svg.substring(0, 300));
      assertEquals(points, Double.parseDouble(m.group(1)), 1e-9, width);
      assertTrue(svg.contains("viewBox='0.0 0.0 " + points + " "), "user units are points");
      assertTrue(svg.contains("font-family: Liberation Serif, Times New Roman"), "serif family");
      try (PDDocument pdf =
          Loader.loadPDF(tmp.resolve("overhead-hpccg-" + width + ".pdf").toFile())) {
        PDPage page = pdf.getPage(0);
        assertEquals(points, page.getMediaBox().getWidth(), 0.01, width);
        List<PDFont> fonts = new ArrayList<>();
        fonts(page.getResources(), fonts);
        assertFalse(fonts.isEmpty(), "text is text");
        for (PDFont f : fonts) {
          assertTrue(f.isEmbedded(), f.getName());
          assertTrue(f.getName().contains("LiberationSerif"), f.getName());
        }
      }
    }
  }

  private static void fonts(PDResources resources, List<PDFont> out) throws IOException {
    for (COSName n : resources.getFontNames()) {
      out.add(resources.getFont(n));
    }
    for (COSName n : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(n);
      if (x instanceof PDFormXObject form && form.getResources() != null) {
        fonts(form.getResources(), out);
      }
    }
  }

  @Test
  void shouldWriteSlidesAsPngAndSvg() throws IOException {
    List<Path> files = Figures.drawAll(replicated(), List.of(), tmp);
    assertEquals(
        List.of(
            "scaling-hpccg.png", "scaling-hpccg.svg", "overhead-hpccg.png", "overhead-hpccg.svg"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    assertTrue(Files.size(tmp.resolve("scaling-hpccg.png")) > 10_000);
  }

  @Test
  void shouldDrawTheConfidenceIntervalOfReplicatedPoints() {
    Figure scaling = Figures.figures(replicated(), List.of()).get(0);
    assertTrue(scaling.hasIntervals());
    Figure.Curve nested = scaling.panels().get(0).curves().get(1);
    MeanInterval expected = MeanInterval.of(new double[] {301, 421, 391});
    assertEquals(expected, nested.points().get(0).y());
    FigureCanvas canvas = new FigureCanvas(scaling, FigureStyle.SLIDES, styles());
    assertTrue(canvas.notes().get(canvas.notes().size() - 1).startsWith("Error bars: 95 %"));

    // Draw the panel and look along the error bar, above and below the marker.
    YRange range = canvas.ranges().get(0);
    XYPlot plot =
        PanelPlots.build(scaling, scaling.panels().get(0), range, styles(), FigureStyle.SLIDES)
            .get(0);
    BufferedImage image = new BufferedImage(600, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    g2.setPaint(Color.WHITE);
    g2.fillRect(0, 0, 600, 600);
    PlotRenderingInfo info = new PlotRenderingInfo(null);
    plot.draw(g2, new Rectangle2D.Double(0, 0, 600, 600), null, null, info);
    g2.dispose();
    Rectangle2D data = info.getDataArea();
    int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(1, data, RectangleEdge.BOTTOM));
    Color nestedColour = styles().of("nested").paint();
    for (double y : new double[] {expected.low() + 5, expected.high() - 5}) {
      int py = (int) Math.round(plot.getRangeAxis().valueToJava2D(y, data, RectangleEdge.LEFT));
      assertTrue(near(image, x, py, nestedColour), "error bar at " + y);
    }
    double cap = plot.getRangeAxis().valueToJava2D(expected.high(), data, RectangleEdge.LEFT);
    assertFalse(near(image, x, (int) Math.round(cap) - 12, nestedColour), "nothing beyond it");
  }

  private static void assertWellFormed(Path svg) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.newDocumentBuilder().parse(svg.toFile());
    } catch (ParserConfigurationException | SAXException e) {
      throw new AssertionError(svg + " is no well-formed XML: " + e.getMessage(), e);
    }
  }

  private static SeriesStyles styles() {
    return new SeriesStyles(Configuration.of(replicated()));
  }

  /** Whether a pixel within 1 px of (x, y) has {@code colour}. */
  private static boolean near(BufferedImage image, int x, int y, Color colour) {
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        Color c = new Color(image.getRGB(x + dx, y + dy));
        if (Math.abs(c.getRed() - colour.getRed()) < 40
            && Math.abs(c.getGreen() - colour.getGreen()) < 40
            && Math.abs(c.getBlue() - colour.getBlue()) < 40) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void shouldDrawTheMainStudyInBothStylesFromItsCommittedResults() throws IOException {
    List<Path> slides =
        Figures.drawAll(MainStudy.rows(), MainStudy.distributions(), tmp.resolve("slides"));
    assertEquals(18, slides.size());
    List<Path> paper =
        Figures.drawAll(
            MainStudy.rows(), MainStudy.distributions(), tmp.resolve("paper"), FigureStyle.PAPER);
    assertEquals(36, paper.size());
    for (Path p : paper) {
      assertTrue(Files.size(p) > 5_000, p.toString());
    }
    for (Path p : slides.stream().filter(f -> f.toString().endsWith(".svg")).toList()) {
      assertWellFormed(p);
    }
    for (Path p : paper.stream().filter(f -> f.toString().endsWith(".svg")).toList()) {
      assertWellFormed(p);
    }
  }
}
