package org.xtsim.experiments.results;

import java.util.ArrayList;
import java.util.List;

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

  static String quote(String cell) {
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

  /** A double as a CSV cell: empty for NaN, shortest round-trip text otherwise. */
  static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** A CSV cell as a double: NaN for empty. */
  static double parseNumber(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }
}
