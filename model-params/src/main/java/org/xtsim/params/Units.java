package org.xtsim.params;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one unit grammar of experiment files and commands: a number followed by a unit of the
 * quantity's {@link Dimension} — times ({@code 2.5us}, {@code 44.8ns}, {@code 1ms}), sizes ({@code
 * 8B}, {@code 64KiB} = 65,536 B, {@code 1KB} = 1,000 B), frequencies ({@code 100Hz}, {@code
 * 2.2GHz}), bandwidths ({@code 1.1GB/s}), costs ({@code 1000cycles}) and percentages ({@code
 * 2.5%}). A bare number is accepted only where the caller says the name carries the unit.
 */
public final class Units {
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\\s*(\\S*)");

  private Units() {}

  /**
   * The value of {@code text} in the base unit of {@code dimension}.
   *
   * @param what the option or key, for messages
   * @param bareUnit the unit a bare number is taken in, or null when a unit is required
   * @throws IllegalArgumentException naming {@code what}, what was given and what is expected
   */
  public static double parse(Dimension dimension, String text, String what, String bareUnit) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + ": empty value; expected " + expected(dimension));
    }
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(what + ": '" + text + "' is not " + expected(dimension));
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    if (!Double.isFinite(number) || number < 0) {
      throw new IllegalArgumentException(
          what + ": '" + text + "' is not " + expected(dimension) + " (>= 0)");
    }
    if (unit.isEmpty()) {
      if (bareUnit == null) {
        throw new IllegalArgumentException(
            what + ": '" + text + "' needs a unit; expected " + expected(dimension));
      }
      unit = bareUnit;
    }
    if (!dimension.hasUnit(unit)) {
      throw new IllegalArgumentException(
          what + ": '" + text + "' has unit '" + unit + "'; expected " + expected(dimension));
    }
    return number * dimension.factor(unit);
  }

  /** "a size such as 64KiB (units: B, KB, …)". */
  public static String expected(Dimension dimension) {
    if (dimension == Dimension.COUNT) {
      return "a number";
    }
    StringBuilder sb =
        new StringBuilder(dimension.noun())
            .append(" such as ")
            .append(dimension.example())
            .append(" (units: ");
    String sep = "";
    for (String u : dimension.units()) {
      sb.append(sep).append(u);
      sep = ", ";
    }
    if (dimension == Dimension.CYCLES) {
      sb.append(", or a duration such as 450ns");
    }
    return sb.append(')').toString();
  }

  /** A time in picoseconds; a unit is required. */
  public static long timePs(String text, String what) {
    return Math.round(parse(Dimension.DURATION, text, what, null));
  }

  /** A size in bytes ({@code KB} = 1,000 B, {@code KiB} = 1,024 B); a bare number is bytes. */
  public static long bytes(String text, String what) {
    double b = parse(Dimension.SIZE, text, what, "B");
    if (b != Math.rint(b) || b > Long.MAX_VALUE) {
      throw new IllegalArgumentException(what + ": '" + text + "' is not a whole number of bytes");
    }
    return (long) b;
  }

  /** A bandwidth in bytes per second ({@code GB/s} = 10^9 B/s, {@code GiB/s} = 2^30 B/s). */
  public static double bytesPerSecond(String text, String what) {
    return parse(Dimension.BANDWIDTH, text, what, null);
  }

  /** A frequency in hertz. */
  public static double hertz(String text, String what) {
    return parse(Dimension.FREQUENCY, text, what, null);
  }

  /** {@code value} base units of {@code dimension} in {@code unit}, for display. */
  public static String format(Dimension dimension, double baseValue, String unit) {
    double v = baseValue / dimension.factor(unit);
    String number =
        v == Math.rint(v) && Math.abs(v) < 1e15
            ? Long.toString((long) v)
            : String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    return unit.isEmpty() ? number : number + " " + unit;
  }
}
