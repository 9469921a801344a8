package org.xtsim.experiments.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 cells: quoting where needed on write, and a line splitter that honours quotes. */
final class Csv {
  private Csv() {}

  /** Appends one row and a newline. */
  static void appendRow(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(cells.get(i)));
    }
    sb.append('\n');
  }

  static String quote(String raw) {
    // Lines are records: a line break inside a cell would split one on reading.
    String cell = raw.replace('\n', ' ').replace('\r', ' ');
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  /** The cells of one line (no embedded newlines). */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /**
   * A data line of a table whose columns are fixed leading ones, then sweep-axis columns, then
   * fixed trailing ones.
   *
   * @param cells all cells
   * @param axes the axis cells by column name
   * @param trailingStart index of the first trailing column
   */
  record Line(List<String> cells, Map<String, String> axes, int trailingStart) {
    /** The {@code i}-th leading cell. */
    String lead(int i) {
      return cells.get(i);
    }

    /** The {@code i}-th trailing cell. */
    String trail(int i) {
      return cells.get(trailingStart + i);
    }
  }

  /** The header: leading columns, axis columns, trailing columns. */
  static List<String> header(List<String> leading, List<String> axes, List<String> trailing) {
    List<String> h = new ArrayList<>(leading);
    h.addAll(axes);
    h.addAll(trailing);
    return h;
  }

  /**
   * Reads a table written with {@link #header}; an absent or empty file has no lines.
   *
   * @throws IOException when the header or a line does not fit
   */
  static List<Line> read(Path file, List<String> leading, List<String> trailing)
      throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = split(lines.get(0));
    int axisCount = header.size() - leading.size() - trailing.size();
    if (axisCount < 0
        || !header.subList(0, leading.size()).equals(leading)
        || !header.subList(header.size() - trailing.size(), header.size()).equals(trailing)) {
      throw new IOException(file + ": not a file of this xtsim version (header " + header + ")");
    }
    List<String> axisNames = header.subList(leading.size(), leading.size() + axisCount);
    List<Line> out = new ArrayList<>(lines.size() - 1);
    for (int n = 1; n < lines.size(); n++) {
      List<String> cells = split(lines.get(n));
      if (cells.size() != header.size()) {
        throw new IOException(file + ":" + (n + 1) + ": expected " + header.size() + " cells");
      }
      Map<String, String> axes = new LinkedHashMap<>();
      for (int a = 0; a < axisCount; a++) {
        axes.put(axisNames.get(a), cells.get(leading.size() + a));
      }
      out.add(new Line(cells, axes, leading.size() + axisCount));
    }
    return out;
  }

  /** A double as a CSV cell: empty for NaN, shortest round-trip text otherwise. */
  static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** A CSV cell as a double: NaN for empty. */
  static double parseNumber(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }
}
