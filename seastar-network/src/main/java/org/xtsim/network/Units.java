package org.xtsim.network;

import java.util.Locale;

/**
 * Parses quantities with units, as users write them: times ({@code 2.5us}, {@code 44.8ns}, {@code
 * 6ps}, {@code 1ms}, {@code 1s}), sizes ({@code 8}, {@code 8B}, {@code 1KiB}, {@code 1MiB}, {@code
 * 1KB} = 1000 B) and bandwidths ({@code 1.1GB/s}, {@code 500MB/s}, {@code 1GiB/s}).
 */
public final class Units {
  private Units() {}

  /** A time in picoseconds; a bare number is taken as picoseconds. */
  public static long timePs(String text, String what) {
    String t = norm(text);
    double scale;
    String num;
    if (t.endsWith("ps")) {
      scale = 1;
      num = cut(t, 2);
    } else if (t.endsWith("ns")) {
      scale = 1e3;
      num = cut(t, 2);
    } else if (t.endsWith("us") || t.endsWith("µs")) {
      scale = 1e6;
      num = cut(t, 2);
    } else if (t.endsWith("ms")) {
      scale = 1e9;
      num = cut(t, 2);
    } else if (t.endsWith("s")) {
      scale = 1e12;
      num = cut(t, 1);
    } else {
      scale = 1;
      num = t;
    }
    return Math.round(number(num, text, what, "a time such as 2.5us, 44.8ns, 6ps") * scale);
  }

  /** A size in bytes. */
  public static long bytes(String text, String what) {
    double b = scaledBytes(norm(text), text, what);
    if (b != Math.rint(b) || b > Long.MAX_VALUE) {
      throw new IllegalArgumentException(what + ": '" + text + "' is not a whole number of bytes");
    }
    return (long) b;
  }

  private static double scaledBytes(String t, String text, String what) {
    double scale = 1;
    String num = t;
    String[][] units = {
      {"kib", "1024"},
      {"mib", "1048576"},
      {"gib", "1073741824"},
      {"kb", "1000"},
      {"mb", "1000000"},
      {"gb", "1000000000"},
      {"b", "1"}
    };
    String lower = t.toLowerCase(Locale.ROOT);
    for (String[] u : units) {
      if (lower.endsWith(u[0])) {
        scale = Double.parseDouble(u[1]);
        num = cut(t, u[0].length());
        break;
      }
    }
    return number(num, text, what, "a size such as 8, 8B, 1KiB, 1MiB") * scale;
  }

  /** A bandwidth in bytes per second ({@code GB/s} = 10^9 B/s, {@code GiB/s} = 2^30 B/s). */
  public static double bytesPerSecond(String text, String what) {
    String t = norm(text);
    if (!t.toLowerCase(Locale.ROOT).endsWith("/s")) {
      throw new IllegalArgumentException(
          what + ": '" + text + "' is not a bandwidth (expected e.g. 1.1GB/s, 500MB/s)");
    }
    return scaledBytes(cut(t, 2), text, what);
  }

  private static String norm(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty value");
    }
    return text.trim().replace(" ", "");
  }

  private static String cut(String t, int suffix) {
    return t.substring(0, t.length() - suffix);
  }

  private static double number(String num, String text, String what, String expected) {
    try {
      double v = Double.parseDouble(num);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": '" + text + "' is not " + expected + " (>= 0)");
    }
  }
}
