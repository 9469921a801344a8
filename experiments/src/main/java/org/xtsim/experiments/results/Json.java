package org.xtsim.experiments.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON writer of every file and command: maps, lists, strings, numbers, booleans and null.
 * {@code manifest.json} and the benchmark records are pretty-printed ({@link #write}); commands
 * that print JSON on stdout ({@code xtsim imb --json}, {@code xtsim vmm-probe --json}) print one
 * object per line ({@link #line}), so that a stream of runs can be read line by line. Both forms
 * escape and format numbers the same way: doubles as Java writes them (shortest exact), NaN and
 * infinities as null.
 */
public final class Json {
  /** Indentation per level of the pretty form. */
  private static final String INDENT = "  ";

  /** Reads JSON back (thread-safe once configured). */
  private static final ObjectMapper READER = new ObjectMapper();

  private Json() {}

  /** Pretty-printed JSON of {@code value}, two spaces per level, newline at the end. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0, true);
    return sb.append('\n').toString();
  }

  /**
   * JSON of {@code value} on one line ({@code {"a": 1, "b": [2, 3]}}), newline at the end: one
   * record of a stream printed line by line.
   */
  public static String line(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0, false);
    return sb.append('\n').toString();
  }

  /**
   * Reads a JSON object (a file this class wrote, such as {@code manifest.json}) into maps, lists,
   * strings, numbers ({@code Integer}, {@code Long}, {@code Double}), booleans and null, so that
   * {@link #write} gives the same text back. Reading is Jackson's: a well-kept parser with exact
   * error positions.
   *
   * @throws IOException when the file cannot be read or is not a JSON object
   */
  public static Map<String, Object> readObject(Path file) throws IOException {
    try {
      Map<String, Object> m =
          READER.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
      if (m == null) {
        throw new IOException(file + ": not a JSON object");
      }
      return m;
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void write(StringBuilder sb, Object v, int depth, boolean pretty) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Double d) {
      sb.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      container(sb, '{', '}', m.entrySet().iterator(), depth, true, pretty);
    } else if (v instanceof List<?> l) {
      container(sb, '[', ']', l.iterator(), depth, false, pretty);
    } else {
      string(sb, v.toString());
    }
  }

  private static void container(
      StringBuilder sb,
      char open,
      char close,
      Iterator<?> it,
      int depth,
      boolean map,
      boolean pretty) {
    sb.append(open);
    if (!it.hasNext()) {
      sb.append(close);
      return;
    }
    while (it.hasNext()) {
      Object item = it.next();
      if (pretty) {
        sb.append('\n').append(INDENT.repeat(depth + 1));
      }
      if (map) {
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue(), depth + 1, pretty);
      } else {
        write(sb, item, depth + 1, pretty);
      }
      if (it.hasNext()) {
        sb.append(pretty ? "," : ", ");
      }
    }
    if (pretty) {
      sb.append('\n').append(INDENT.repeat(depth));
    }
    sb.append(close);
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
