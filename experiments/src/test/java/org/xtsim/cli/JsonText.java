package org.xtsim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader for tests (RFC 8259: objects, arrays, strings with escapes, numbers, true,
 * false, null), so that a test checks that a command's output is JSON, not only that it contains
 * some text. Objects become {@link LinkedHashMap}s, numbers {@link Long} when integral in form,
 * else {@link Double}.
 */
final class JsonText {
  private final String text;
  private int pos;

  private JsonText(String text) {
    this.text = text;
  }

  /** The one value of {@code text} (surrounding whitespace allowed). */
  static Object parse(String text) {
    JsonText r = new JsonText(text);
    Object v = r.value();
    r.space();
    if (r.pos != text.length()) {
      throw r.error("text after the value");
    }
    return v;
  }

  /** One value per non-blank line (JSON Lines). */
  static List<Object> parseLines(String text) {
    List<Object> values = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        values.add(parse(line));
      }
    }
    return values;
  }

  /** The object of {@code text}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    return (Map<String, Object>) parse(text);
  }

  private Object value() {
    space();
    if (pos >= text.length()) {
      throw error("a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    pos++;
    space();
    if (peek() == '}') {
      pos++;
      return m;
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw error("a key");
      }
      String key = string();
      space();
      expect(':');
      if (m.put(key, value()) != null) {
        throw error("no duplicate key " + key);
      }
      space();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        return m;
      }
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    pos++;
    space();
    if (peek() == ']') {
      pos++;
      return l;
    }
    while (true) {
      l.add(value());
      space();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return l;
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("a closing quote");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("no control character in a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> throw error("a valid escape");
      }
    }
  }

  private Number number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    digits();
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      pos++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
    }
    String n = text.substring(start, pos);
    return integral ? (Number) Long.parseLong(n) : (Number) Double.parseDouble(n);
  }

  private void digits() {
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw error("a digit");
    }
  }

  private Object literal(String word, Object v) {
    if (!text.startsWith(word, pos)) {
      throw error(word);
    }
    pos += word.length();
    return v;
  }

  private void space() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException(
        "not JSON: expected " + expected + " at " + pos + " in: " + text);
  }
}
