package org.xtsim.params;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a quantity measures, with the units it may be written in and their factor to the dimension's
 * base unit. Sizes follow SI and IEC alike: {@code KB} is 1,000 bytes and {@code KiB} 1,024, in
 * every file and command.
 */
public enum Dimension {
  /** A plain count or ratio: no unit. */
  COUNT("a number", "", units("", 1)),
  /** A time; base unit picoseconds, the engine's tick. */
  DURATION(
      "a duration",
      "2.5us",
      units("ps", 1, "ns", 1e3, "us", 1e6, "µs", 1e6, "ms", 1e9, "s", 1e12, "min", 60e12)),
  /** A size; base unit bytes. */
  SIZE(
      "a size",
      "64KiB",
      units(
          "B", 1, "KB", 1e3, "MB", 1e6, "GB", 1e9, "TB", 1e12, "KiB", 0x1p10, "MiB", 0x1p20, "GiB",
          0x1p30, "TiB", 0x1p40)),
  /** A frequency or rate of events; base unit hertz (events per second). */
  FREQUENCY("a frequency", "100Hz", units("Hz", 1, "/s", 1, "kHz", 1e3, "MHz", 1e6, "GHz", 1e9)),
  /** A bandwidth; base unit bytes per second. */
  BANDWIDTH(
      "a bandwidth",
      "1.1GB/s",
      units(
          "B/s", 1, "KB/s", 1e3, "MB/s", 1e6, "GB/s", 1e9, "KiB/s", 0x1p10, "MiB/s", 0x1p20,
          "GiB/s", 0x1p30)),
  /**
   * A cost in CPU cycles of the simulated node; may also be written as a duration ({@code 450ns}),
   * converted at the node's clock when the point is built (see {@link CycleCost}).
   */
  CYCLES("a cost", "1000cycles", units("cycles", 1, "cycle", 1)),
  /** A percentage. */
  PERCENT("a percentage", "2.5%", units("%", 1));

  private final String noun;
  private final String example;
  private final Map<String, Double> factors;

  Dimension(String noun, String example, Map<String, Double> factors) {
    this.noun = noun;
    this.example = example;
    this.factors = factors;
  }

  private static Map<String, Double> units(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }

  /** "a size", "a duration": for messages. */
  public String noun() {
    return noun;
  }

  /** An example value with its unit, e.g. {@code 64KiB}. */
  public String example() {
    return example;
  }

  /** The unit symbols this dimension accepts, in the order to document them. */
  public Iterable<String> units() {
    return factors.keySet();
  }

  /** Whether {@code unit} is a unit of this dimension (case-insensitive, as users write them). */
  public boolean hasUnit(String unit) {
    return symbol(unit) != null;
  }

  /** Base units per one {@code unit}. */
  public double factor(String unit) {
    String s = symbol(unit);
    if (s == null) {
      throw new IllegalArgumentException("'" + unit + "' is not a unit of " + noun);
    }
    return factors.get(s);
  }

  /** The declared spelling of {@code unit}, or null when this dimension has no such unit. */
  String symbol(String unit) {
    if (factors.containsKey(unit)) {
      return unit;
    }
    for (String s : factors.keySet()) {
      if (s.toLowerCase(Locale.ROOT).equals(unit.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    return null;
  }
}
