package org.xtsim.experiments.results;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A small JSON writer for the manifest: maps, lists, strings, numbers, booleans and null. */
public final class Json {
  private Json() {}

  /** Pretty-printed JSON of {@code value}, two spaces per level, newline at the end. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Double d) {
      sb.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      container(sb, '{', '}', m.entrySet().iterator(), depth, true);
    } else if (v instanceof List<?> l) {
      container(sb, '[', ']', l.iterator(), depth, false);
    } else {
      string(sb, v.toString());
    }
  }

  private static void container(
      StringBuilder sb, char open, char close, Iterator<?> it, int depth, boolean map) {
    sb.append(open);
    if (!it.hasNext()) {
      sb.append(close);
      return;
    }
    while (it.hasNext()) {
      Object item = it.next();
      sb.append('\n').append("  ".repeat(depth + 1));
      if (map) {
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue(), depth + 1);
      } else {
        write(sb, item, depth + 1);
      }
      if (it.hasNext()) {
        sb.append(',');
      }
    }
    sb.append('\n').append("  ".repeat(depth)).append(close);
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
