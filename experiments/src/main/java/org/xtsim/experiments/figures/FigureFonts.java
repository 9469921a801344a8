package org.xtsim.experiments.figures;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The font faces of the figures: Liberation Serif (metric-compatible with Times, for papers) and
 * Liberation Sans (for slides), loaded from the classpath (SIL Open Font License, shipped in the
 * {@code openpdf-fonts-extra} jar) rather than from the system, so that a figure looks the same on
 * every machine and its PDF can embed exactly the faces it was laid out with.
 */
enum FigureFonts {
  /** Liberation Serif, regular and bold. */
  SERIF("LiberationSerif", "Liberation Serif, Times New Roman, Times, serif"),
  /** Liberation Sans, regular and bold. */
  SANS("LiberationSans", "Liberation Sans, Arial, Helvetica, sans-serif");

  private static final String FOLDER = "/liberation/";

  private final String fileStem;
  private final String cssFamilies;
  private Font regular;
  private Font bold;

  FigureFonts(String fileStem, String cssFamilies) {
    this.fileStem = fileStem;
    this.cssFamilies = cssFamilies;
  }

  /** The regular face at {@code size} user units (points on paper). */
  Font regular(float size) {
    load();
    return new Font(regular.getFamily(), Font.PLAIN, 1).deriveFont(size);
  }

  /**
   * The bold face at {@code size}: asked for by family and style, so that it resolves to the
   * registered bold face (not a synthetic bold of the regular one) and says that it is bold (SVG
   * writes font-weight from that).
   */
  Font bold(float size) {
    load();
    return new Font(bold.getFamily(), Font.BOLD, 1).deriveFont(size);
  }

  /**
   * The family as an SVG/CSS font-family list, with metric-compatible fallbacks; names unquoted
   * (valid CSS for names made of words) because the list goes inside a quoted XML attribute.
   */
  String cssFamilies() {
    return cssFamilies;
  }

  /** Resource paths of the font files (regular, bold), for embedding into PDF. */
  List<String> resources() {
    return List.of(FOLDER + fileStem + "-Regular.ttf", FOLDER + fileStem + "-Bold.ttf");
  }

  private synchronized void load() {
    if (regular == null) {
      regular = read(resources().get(0));
      bold = read(resources().get(1));
    }
  }

  private static Font read(String resource) {
    try (InputStream in = FigureFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font " + resource + " is not on the classpath");
      }
      Font font = Font.createFont(Font.TRUETYPE_FONT, in);
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
      return font;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("font " + resource + ": " + e.getMessage(), e);
    }
  }
}
