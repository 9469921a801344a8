package org.xtsim.experiments.figures;

import java.awt.Font;
import java.util.List;

/**
 * How figures are drawn and written: {@link #PAPER} for a journal (vector files at column widths,
 * small serif type, no title: the caption carries it) or {@link #SLIDES} for the screen (large PNG
 * and SVG, sans-serif type, with a title). Lengths are in the files' user units: points (1/72 in)
 * for paper, pixels for slides.
 */
public enum FigureStyle {
  /** Vector figures 3.5 in (one journal column) and 7 in (two columns) wide, SVG and PDF. */
  PAPER(
      FigureFonts.SERIF,
      List.of(new Width("-3.5in", 3.5 * 72), new Width("-7in", 7 * 72)),
      List.of(Format.SVG, Format.PDF),
      false,
      new Sizes(7f, 8f, 7f, 8f, 6.5f, 0.9f, 4.4, 0.75f, 0.6f, 2.0, 3, 10, 4)),
  /** Screen figures 1000 × 650 px, PNG and SVG: the look of talks and of the README. */
  SLIDES(
      FigureFonts.SANS,
      List.of(new Width("", 1000)),
      List.of(Format.PNG, Format.SVG),
      true,
      new Sizes(15f, 18f, 15f, 17f, 14f, 2.4f, 11, 1.7f, 1.5f, 5.0, 10, 28, 10));

  /** Height of the slides figures in pixels. */
  static final double SLIDES_HEIGHT_PX = 650;

  /** Height of one row of panels' plot area in paper figures, in points: 1.4 in. */
  static final double PAPER_PANEL_HEIGHT_PT = 1.4 * 72;

  /**
   * One figure width.
   *
   * @param suffix file-name suffix, e.g. "-3.5in" ("" for the only width of a style)
   * @param width the width in user units
   */
  public record Width(String suffix, double width) {}

  /** A file format. */
  public enum Format {
    /** Raster, for screens. */
    PNG,
    /** Scalable vector graphics; text as text in a standard font family. */
    SVG,
    /** PDF with the fonts embedded. */
    PDF
  }

  /**
   * Type sizes (in user units) and line geometry.
   *
   * @param tickPt tick label size
   * @param labelPt axis label size
   * @param legendPt legend text size
   * @param facetPt panel title size
   * @param notePt note size
   * @param line series line width
   * @param marker marker size (diameter)
   * @param markerLine marker outline width
   * @param errorLine error bar width
   * @param cap error bar cap half-width
   * @param pad space around the figure and between its parts
   * @param panelGap space between panels
   * @param segmentGap space between the two parts of a broken axis
   */
  record Sizes(
      float tickPt,
      float labelPt,
      float legendPt,
      float facetPt,
      float notePt,
      float line,
      double marker,
      float markerLine,
      float errorLine,
      double cap,
      double pad,
      double panelGap,
      double segmentGap) {}

  private final FigureFonts fonts;
  private final List<Width> widths;
  private final List<Format> formats;
  private final boolean titled;
  private final Sizes sizes;

  FigureStyle(
      FigureFonts fonts, List<Width> widths, List<Format> formats, boolean titled, Sizes sizes) {
    this.fonts = fonts;
    this.widths = widths;
    this.formats = formats;
    this.titled = titled;
    this.sizes = sizes;
  }

  /** The widths each figure is drawn at. */
  public List<Width> widths() {
    return widths;
  }

  /** The files written for each width. */
  public List<Format> formats() {
    return formats;
  }

  /** The folder of a run's output folder the figures go to: figures/ or figures/paper/. */
  public String folder() {
    return this == PAPER ? "figures/paper" : "figures";
  }

  /** Whether a figure carries its title (slides) or leaves it to the caption (paper). */
  boolean titled() {
    return titled;
  }

  FigureFonts fonts() {
    return fonts;
  }

  Sizes sizes() {
    return sizes;
  }

  Font tickFont() {
    return fonts.regular(sizes.tickPt());
  }

  Font labelFont() {
    return fonts.regular(sizes.labelPt());
  }

  Font legendFont() {
    return fonts.regular(sizes.legendPt());
  }

  Font facetFont() {
    return fonts.bold(sizes.facetPt());
  }

  Font noteFont() {
    return fonts.regular(sizes.notePt());
  }

  Font titleFont() {
    return fonts.bold(sizes.labelPt() * 1.2f);
  }

  /** Whether a figure of this width is a narrow one: panels stacked, legend below. */
  static boolean narrow(double width) {
    return width < 400;
  }
}
