package org.xtsim.experiments.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values one key may take, its default (or none, when the model's own default applies) and a
 * one-line description. Converts a raw value read from YAML ({@link String}, {@link Long}, {@link
 * Double}, {@link Boolean} or a {@link List} of those) into the canonical value, or explains what
 * is allowed.
 */
public final class ValueDomain {
  private enum Kind {
    CHOICE,
    BOOLEAN,
    INTEGER,
    DECIMAL,
    INTEGER_LIST
  }

  private final Kind kind;
  private final Set<String> choices;
  private final Pattern pattern;
  private final String patternDescription;
  private final double min;
  private final double max;
  private final Object defaultValue;
  private final String description;

  private ValueDomain(
      Kind kind,
      Set<String> choices,
      Pattern pattern,
      String patternDescription,
      double min,
      double max,
      Object defaultValue,
      String description) {
    this.kind = kind;
    this.choices = choices;
    this.pattern = pattern;
    this.patternDescription = patternDescription;
    this.min = min;
    this.max = max;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** One of the given names. */
  public static ValueDomain choice(String... names) {
    Set<String> set = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    return new ValueDomain(Kind.CHOICE, set, null, null, 0, 0, null, "");
  }

  /**
   * One of the given names or a string matching {@code regex} (e.g. topology dimensions {@code
   * 8x8x8}), described to users as {@code patternDescription}.
   */
  public static ValueDomain choiceOrPattern(
      String regex, String patternDescription, String... names) {
    Set<String> set = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    return new ValueDomain(
        Kind.CHOICE, set, Pattern.compile(regex), patternDescription, 0, 0, null, "");
  }

  /** {@code true} or {@code false}. */
  public static ValueDomain bool() {
    return new ValueDomain(Kind.BOOLEAN, Set.of(), null, null, 0, 0, null, "");
  }

  /** An integer in [min, max]. */
  public static ValueDomain integer(long min, long max) {
    return new ValueDomain(Kind.INTEGER, Set.of(), null, null, min, max, null, "");
  }

  /** A number in [min, max]. */
  public static ValueDomain decimal(double min, double max) {
    return new ValueDomain(Kind.DECIMAL, Set.of(), null, null, min, max, null, "");
  }

  /** A non-empty list of integers, each in [min, max]. */
  public static ValueDomain integerList(long min, long max) {
    return new ValueDomain(Kind.INTEGER_LIST, Set.of(), null, null, min, max, null, "");
  }

  /** This domain with a default value (converted and checked now). */
  public ValueDomain withDefault(Object value) {
    Object canonical = convert(value);
    return new ValueDomain(
        kind, choices, pattern, patternDescription, min, max, canonical, description);
  }

  /** This domain with a one-line description for users. */
  public ValueDomain describedAs(String text) {
    return new ValueDomain(
        kind, choices, pattern, patternDescription, min, max, defaultValue, text);
  }

  /** The default value, or null when the key is optional and the model's own default applies. */
  public Object defaultValue() {
    return defaultValue;
  }

  /** One-line description. */
  public String description() {
    return description;
  }

  /** The named choices (empty for non-choice domains). */
  public Set<String> choices() {
    return choices;
  }

  /** Whether values of this domain are numbers (a sweep axis of them can have a numeric x axis). */
  public boolean isNumeric() {
    return kind == Kind.INTEGER || kind == Kind.DECIMAL;
  }

  /** What is allowed, for error messages: "one of native, nested", "an integer in [1, 4096]". */
  public String allowed() {
    switch (kind) {
      case CHOICE:
        String names = String.join(", ", choices);
        return pattern == null
            ? "one of " + names
            : "one of " + names + (choices.isEmpty() ? "" : ", or ") + patternDescription;
      case BOOLEAN:
        return "true or false";
      case INTEGER:
        return "an integer in [" + (long) min + ", " + (long) max + "]";
      case DECIMAL:
        return "a number in [" + fmt(min) + ", " + fmt(max) + "]";
      case INTEGER_LIST:
        return "a list of integers in [" + (long) min + ", " + (long) max + "]";
      default:
        throw new IllegalStateException();
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%g", v);
  }

  /**
   * The canonical value of {@code raw}: a String for choices, Boolean, Long, Double, or an
   * unmodifiable List of Long.
   *
   * @throws IllegalArgumentException with a message saying what is allowed
   */
  public Object convert(Object raw) {
    switch (kind) {
      case CHOICE:
        if (raw instanceof String s && (choices.contains(s) || matchesPattern(s))) {
          return s;
        }
        break;
      case BOOLEAN:
        if (raw instanceof Boolean) {
          return raw;
        }
        break;
      case INTEGER:
        if (raw instanceof Long l && l >= min && l <= max) {
          return l;
        }
        break;
      case DECIMAL:
        if (raw instanceof Number n && !(raw instanceof Float)) {
          double d = n.doubleValue();
          if (d >= min && d <= max) {
            return d;
          }
        }
        break;
      case INTEGER_LIST:
        return convertList(raw);
      default:
        throw new IllegalStateException();
    }
    throw new IllegalArgumentException(bad(raw));
  }

  private boolean matchesPattern(String s) {
    return pattern != null && pattern.matcher(s).matches();
  }

  private List<Long> convertList(Object raw) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      throw new IllegalArgumentException(bad(raw));
    }
    List<Long> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (!(o instanceof Long l) || l < min || l > max) {
        throw new IllegalArgumentException(bad(raw));
      }
      out.add(l);
    }
    return List.copyOf(out);
  }

  private String bad(Object raw) {
    return "'" + raw + "' is not allowed; allowed: " + allowed();
  }
}
