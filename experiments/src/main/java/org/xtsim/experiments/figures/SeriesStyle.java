package org.xtsim.experiments.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * How one configuration is drawn: a colour, a marker and a dash pattern, each by index into the
 * fixed lists here, so that "no two series alike" is a comparison of three numbers. Markers are
 * drawn as outlines only, so that different markers at the same point both show.
 *
 * @param colour index into {@link #PALETTE}
 * @param marker index into the marker shapes ({@link #MARKERS} of them)
 * @param dash index into the dash patterns ({@link #DASHES} of them)
 */
record SeriesStyle(int colour, int marker, int dash) {
  /**
   * Okabe &amp; Ito (2008), "Color Universal Design": distinguishable under colour blindness, in an
   * order that gives related configurations related hues (black for native, blue and sky blue for
   * nested paging, vermillion and orange for shadow paging); their yellow, too faint on white, is
   * replaced by Paul Tol's wine.
   */
  static final Color[] PALETTE = {
    new Color(0x00, 0x00, 0x00),
    new Color(0x00, 0x72, 0xB2),
    new Color(0x56, 0xB4, 0xE9),
    new Color(0xD5, 0x5E, 0x00),
    new Color(0xE6, 0x9F, 0x00),
    new Color(0x00, 0x9E, 0x73),
    new Color(0xCC, 0x79, 0xA7),
    new Color(0x88, 0x22, 0x55),
  };

  /** Marker shapes: circle, square, triangle up, diamond, triangle down, plus, cross, star. */
  static final int MARKERS = 8;

  /** Dash patterns: solid, dashed, dotted, dash-dot. */
  static final int DASHES = 4;

  /** Dash patterns in multiples of the line width (null: solid). */
  private static final float[][] DASH_PATTERNS = {
    null, {4.5f, 2.5f}, {1.2f, 2f}, {5f, 2f, 1.2f, 2f},
  };

  SeriesStyle {
    if (colour < 0 || colour >= PALETTE.length || marker < 0 || marker >= MARKERS) {
      throw new IllegalArgumentException("no such colour or marker: " + colour + ", " + marker);
    }
    if (dash < 0 || dash >= DASHES) {
      throw new IllegalArgumentException("no such dash pattern: " + dash);
    }
  }

  /** The colour. */
  Color paint() {
    return PALETTE[colour];
  }

  /** The line stroke, {@code width} wide, dashed in proportion to the width. */
  Stroke line(float width) {
    float[] pattern = DASH_PATTERNS[dash];
    if (pattern == null) {
      return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    float[] scaled = new float[pattern.length];
    for (int i = 0; i < pattern.length; i++) {
      scaled[i] = pattern[i] * Math.max(width, 1f);
    }
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
  }

  /** The marker, centred on (0, 0), {@code size} across. */
  Shape shape(double size) {
    Shape unit = unitShape(marker);
    return AffineTransform.getScaleInstance(size / 2, size / 2).createTransformedShape(unit);
  }

  /** Marker {@code m} within the square [-1, 1]², areas roughly equal. */
  private static Shape unitShape(int m) {
    switch (m) {
      case 0:
        return new Ellipse2D.Double(-0.9, -0.9, 1.8, 1.8);
      case 1:
        return new Rectangle2D.Double(-0.8, -0.8, 1.6, 1.6);
      case 2:
        return polygon(0, -1.05, 1, 0.75, -1, 0.75);
      case 3:
        return polygon(0, -1.1, 1.1, 0, 0, 1.1, -1.1, 0);
      case 4:
        return polygon(0, 1.05, 1, -0.75, -1, -0.75);
      case 5:
        return strokes(0, -1, 0, 1, -1, 0, 1, 0);
      case 6:
        return strokes(-0.8, -0.8, 0.8, 0.8, -0.8, 0.8, 0.8, -0.8);
      default:
        return star();
    }
  }

  private static Shape polygon(double... xy) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      p.lineTo(xy[i], xy[i + 1]);
    }
    p.closePath();
    return p;
  }

  /** Open line segments (x1, y1, x2, y2 each): plus and cross. */
  private static Shape strokes(double... xy) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < xy.length; i += 4) {
      p.moveTo(xy[i], xy[i + 1]);
      p.lineTo(xy[i + 2], xy[i + 3]);
    }
    return p;
  }

  private static Shape star() {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? 1.1 : 0.45;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      if (i == 0) {
        p.moveTo(r * Math.cos(a), r * Math.sin(a));
      } else {
        p.lineTo(r * Math.cos(a), r * Math.sin(a));
      }
    }
    p.closePath();
    return p;
  }
}
