package org.xtsim.params;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One parameter as a model declares it, next to the code that uses it: key, type, unit, default,
 * allowed range or choices, one line of meaning and the source of the default. Validation, {@code
 * xtsim params}, {@code --help} texts and the README's reference tables all read this declaration;
 * nothing declares the parameter a second time. Immutable: each {@code with…} method returns a
 * copy.
 *
 * <p>Values have a canonical form: a {@link Long} (integers, in {@link #unit()}), a {@link Double}
 * (numbers, in {@link #unit()}), a {@link Boolean}, a {@link String} (choices and texts) or a
 * {@link CycleCost} (costs in cycles). {@link #parse} turns what a user wrote into it; the
 * canonical text of a value ({@link #text}) is what seeds and fingerprints are made of, so writing
 * {@code 2.5us} or {@code 2500ns} gives the same point.
 */
public final class Param {
  /** What kind of value the parameter takes. */
  public enum Kind {
    /** A whole number (in the parameter's unit). */
    INTEGER,
    /** A real number (in the parameter's unit). */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed set of names. */
    CHOICE,
    /** A text with a grammar of its own (e.g. a topology), checked by the declaring model. */
    TEXT
  }

  /** Source of a value that no measurement backs: keep it a parameter and sweep it. */
  public static final String ASSUMPTION = "assumption";

  private final String key;
  private final String formerKey;
  private final Kind kind;
  private final Dimension dimension;
  private final String unit;
  private final double min;
  private final double max;
  private final Set<String> choices;
  private final String textGrammar;
  private final Consumer<String> textCheck;
  private final Object defaultValue;
  private final String unsetMeaning;
  private final String meaning;
  private final String source;

  private Param(
      String key,
      String formerKey,
      Kind kind,
      Dimension dimension,
      String unit,
      double min,
      double max,
      Set<String> choices,
      String textGrammar,
      Consumer<String> textCheck,
      Object defaultValue,
      String unsetMeaning,
      String meaning,
      String source) {
    this.key = Objects.requireNonNull(key, "key");
    this.formerKey = formerKey;
    this.kind = kind;
    this.dimension = dimension;
    this.unit = unit;
    this.min = min;
    this.max = max;
    this.choices = choices;
    this.textGrammar = textGrammar;
    this.textCheck = textCheck;
    this.defaultValue = defaultValue;
    this.unsetMeaning = unsetMeaning;
    this.meaning = meaning;
    this.source = source;
  }

  private static Param of(Kind kind, String key, double min, double max, Set<String> choices) {
    return new Param(
        key, null, kind, Dimension.COUNT, "", min, max, choices, null, null, null, null, "", "");
  }

  /** A whole number in [min, max], without a unit until {@link #in} gives one. */
  public static Param integer(String key, long min, long max) {
    return of(Kind.INTEGER, key, min, max, Set.of());
  }

  /** A real number in [min, max], without a unit until {@link #in} gives one. */
  public static Param decimal(String key, double min, double max) {
    return of(Kind.DECIMAL, key, min, max, Set.of());
  }

  /** {@code true} or {@code false}. */
  public static Param bool(String key) {
    return of(Kind.BOOLEAN, key, 0, 0, Set.of());
  }

  /** One of {@code names}. */
  public static Param choice(String key, List<String> names) {
    return of(Kind.CHOICE, key, 0, 0, Collections.unmodifiableSet(new LinkedHashSet<>(names)));
  }

  /** One of {@code names}. */
  public static Param choice(String key, String... names) {
    return choice(key, List.of(names));
  }

  /**
   * A text with a grammar of its own: {@code grammar} says it to users, {@code check} throws an
   * {@link IllegalArgumentException} saying what is wrong with a value.
   */
  public static Param text(String key, String grammar, Consumer<String> check) {
    Param p = of(Kind.TEXT, key, 0, 0, Set.of());
    return new Param(
        p.key, null, p.kind, p.dimension, "", 0, 0, Set.of(), grammar, check, null, null, "", "");
  }

  private Param copy(
      String formerKey,
      Dimension dimension,
      String unit,
      Object defaultValue,
      String unsetMeaning,
      String meaning,
      String source) {
    return new Param(
        key,
        formerKey,
        kind,
        dimension,
        unit,
        min,
        max,
        choices,
        textGrammar,
        textCheck,
        defaultValue,
        unsetMeaning,
        meaning,
        source);
  }

  /**
   * This number measured in {@code dimension}, its canonical values and range in {@code unit} (a
   * unit of that dimension, e.g. {@code B}, {@code us}, {@code Hz}, {@code cycles}).
   */
  public Param in(Dimension dimension, String unit) {
    if (kind != Kind.INTEGER && kind != Kind.DECIMAL) {
      throw new IllegalStateException(key + ": only numbers have units");
    }
    String symbol = dimension.symbol(unit);
    if (symbol == null) {
      throw new IllegalArgumentException(key + ": '" + unit + "' is not a unit of " + dimension);
    }
    if (dimension == Dimension.CYCLES && kind != Kind.INTEGER) {
      throw new IllegalStateException(key + ": a cost in cycles is an integer");
    }
    return copy(formerKey, dimension, symbol, defaultValue, unsetMeaning, meaning, source);
  }

  /** The default (as a user would write it, converted and checked now). */
  public Param defaultValue(Object value) {
    Object canonical = canonicalOf(value);
    return copy(formerKey, dimension, unit, canonical, null, meaning, source);
  }

  /** No default: unset means {@code whatUnsetMeans} (e.g. "required when noise_pct > 0"). */
  public Param noDefault(String whatUnsetMeans) {
    return copy(formerKey, dimension, unit, null, whatUnsetMeans, meaning, source);
  }

  /** One line saying what the parameter sets. */
  public Param meaning(String text) {
    return copy(formerKey, dimension, unit, defaultValue, unsetMeaning, text, source);
  }

  /** Where the default comes from: a publication or document, or {@link #ASSUMPTION}. */
  public Param source(String text) {
    return copy(formerKey, dimension, unit, defaultValue, unsetMeaning, meaning, text);
  }

  /**
   * The key this parameter had before it was renamed: files using it are told the new name, and
   * seeds keep deriving from the old one so that results do not move with the rename.
   */
  public Param formerly(String oldKey) {
    return copy(oldKey, dimension, unit, defaultValue, unsetMeaning, meaning, source);
  }

  private Object canonicalOf(Object value) {
    if (dimension == Dimension.CYCLES && value instanceof Number n) {
      return check(CycleCost.ofCycles(n.longValue()));
    }
    if (kind == Kind.DECIMAL && value instanceof Number n) {
      return check(n.doubleValue());
    }
    if (kind == Kind.INTEGER && value instanceof Integer i) {
      return check((long) i);
    }
    return check(value);
  }

  /** The key in files. */
  public String key() {
    return key;
  }

  /** The key that seeds and fingerprints are made of: the key before any rename. */
  public String identity() {
    return formerKey == null ? key : formerKey;
  }

  /** The key before a rename, or null. */
  public String formerKey() {
    return formerKey;
  }

  /** The kind of value. */
  public Kind kind() {
    return kind;
  }

  /** What the number measures ({@link Dimension#COUNT} for plain numbers and non-numbers). */
  public Dimension dimension() {
    return dimension;
  }

  /** The unit of canonical values and of the range ("" for plain numbers and non-numbers). */
  public String unit() {
    return unit;
  }

  /** Smallest allowed value, in {@link #unit()}. */
  public double min() {
    return min;
  }

  /** Largest allowed value, in {@link #unit()}. */
  public double max() {
    return max;
  }

  /** The allowed names of a choice (empty otherwise). */
  public Set<String> choices() {
    return choices;
  }

  /** The canonical default, or null when unset has a meaning of its own ({@link #unsetMeaning}). */
  public Object defaultValue() {
    return defaultValue;
  }

  /** What leaving the parameter unset means, when it has no default. */
  public String unsetMeaning() {
    return unsetMeaning;
  }

  /** One line of meaning. */
  public String meaning() {
    return meaning;
  }

  /** Source of the default. */
  public String source() {
    return source;
  }

  /** Whether values are numbers (a sweep of them can have a numeric axis). */
  public boolean isNumeric() {
    return kind == Kind.INTEGER || kind == Kind.DECIMAL;
  }

  /**
   * Whether a plain number is accepted: the key's name carries the unit ({@code quantum_us}, {@code
   * noise_frequency_hz}, {@code packet_bytes}, {@code world_switch_cycles}, {@code noise_pct}, or
   * {@code bytes} itself, as IMB's message size, so that {@code bytes: 0} means what {@code xtsim
   * imb --sizes 0} does), or the number has none.
   */
  public boolean acceptsPlainNumbers() {
    if (dimension == Dimension.COUNT) {
      return true;
    }
    String k = key.toLowerCase(Locale.ROOT);
    String u = unit.toLowerCase(Locale.ROOT);
    return switch (dimension) {
      case SIZE ->
          (k.equals("bytes") || k.endsWith("_bytes")) && u.equals("b") || k.endsWith("_" + u);
      case FREQUENCY -> k.endsWith("_hz") && u.equals("hz") || k.endsWith("_per_s");
      case PERCENT -> k.endsWith("_pct");
      case BANDWIDTH -> k.endsWith("_bytes_per_s") && u.equals("b/s");
      default -> k.endsWith("_" + u);
    };
  }

  /** The type as documented: {@code integer}, {@code size}, {@code choice}, … */
  public String typeName() {
    if (isNumeric()) {
      return dimension == Dimension.COUNT
          ? (kind == Kind.INTEGER ? "integer" : "number")
          : dimension.noun().substring(2);
    }
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** What is allowed, for messages and tables: "an integer in [2, 10000]", "one of a, b". */
  public String allowed() {
    return switch (kind) {
      case CHOICE -> "one of " + String.join(", ", choices);
      case BOOLEAN -> "true or false";
      case TEXT -> textGrammar;
      case INTEGER, DECIMAL -> rangeText();
    };
  }

  private String rangeText() {
    String what =
        dimension == Dimension.COUNT
            ? (kind == Kind.INTEGER ? "an integer" : "a number")
            : dimension.noun();
    String range;
    String u;
    if (dimension == Dimension.SIZE && unit.equals("B")) {
      range = "[" + bytes(min) + ", " + bytes(max) + "]";
      u = "";
    } else {
      range = "[" + number(min) + ", " + number(max) + "]";
      u = unit.isEmpty() ? "" : " " + unit;
    }
    String plain =
        dimension != Dimension.COUNT && !acceptsPlainNumbers()
            ? " (write the unit, e.g. " + dimension.example() + ")"
            : "";
    return what + " in " + range + u + plain;
  }

  /** A byte count in the largest binary unit that divides it: {@code 1MiB}, {@code 65536B}. */
  private static String bytes(double v) {
    String[] units = {"TiB", "GiB", "MiB", "KiB"};
    for (int i = 0; i < units.length; i++) {
      double f = Math.pow(1024, 4 - i);
      if (v >= f && v % f == 0) {
        return number(v / f) + units[i];
      }
    }
    return number(v) + "B";
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%g", v).replaceAll("\\.?0+(e|$)", "$1");
  }

  /** The default as text, or what unset means. */
  public String defaultText() {
    return defaultValue == null ? "(" + unsetMeaning + ")" : text(defaultValue) + unitSuffix();
  }

  private String unitSuffix() {
    return unit.isEmpty() ? "" : " " + unit;
  }

  /**
   * The canonical value of what a user wrote ({@link Long}, {@link Double}, {@link Boolean} or
   * {@link String} as YAML or a command line gives it).
   *
   * @throws IllegalArgumentException saying what is allowed
   */
  public Object parse(Object raw) {
    switch (kind) {
      case BOOLEAN:
        if (raw instanceof Boolean) {
          return raw;
        }
        if (raw instanceof String s && (s.equals("true") || s.equals("false"))) {
          return Boolean.valueOf(s);
        }
        throw bad(raw);
      case CHOICE:
        if (raw instanceof String s && choices.contains(s)) {
          return s;
        }
        throw bad(raw);
      case TEXT:
        if (!(raw instanceof String s)) {
          throw bad(raw);
        }
        try {
          textCheck.accept(s);
        } catch (IllegalArgumentException e) {
          String m = e.getMessage();
          throw new IllegalArgumentException(
              m.contains("allowed")
                  ? m
                  : "'" + raw + "' is not allowed: " + m + "; allowed: " + allowed());
        }
        return s;
      default:
        return parseNumber(raw);
    }
  }

  private Object parseNumber(Object raw) {
    double value;
    long picoseconds = -1;
    if (raw instanceof Number n && !(raw instanceof Float)) {
      if (!acceptsPlainNumbers()) {
        throw new IllegalArgumentException(
            "'"
                + raw
                + "' needs a unit: "
                + key
                + " is "
                + Units.expected(dimension)
                + "; allowed: "
                + allowed());
      }
      value = n.doubleValue();
      if (kind == Kind.INTEGER && raw instanceof Double) {
        throw bad(raw);
      }
    } else if (raw instanceof String s) {
      if (dimension == Dimension.CYCLES && !looksLikeCycles(s)) {
        try {
          picoseconds = Math.round(Units.parse(Dimension.DURATION, s, key, null));
        } catch (IllegalArgumentException e) {
          throw bad(raw);
        }
        value = picoseconds / 1e3; // checked against the range as if at 1 GHz (1 ns per cycle)
      } else {
        try {
          value =
              Units.parse(dimension, s, key, acceptsPlainNumbers() ? unit : null)
                  / dimension.factor(unit);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "'" + raw + "' is not allowed (" + reason(e) + "); allowed: " + allowed());
        }
      }
    } else {
      throw bad(raw);
    }
    if (kind == Kind.INTEGER && picoseconds < 0) {
      if (Math.abs(value - Math.rint(value)) > 1e-9 * Math.max(1, Math.abs(value))) {
        throw bad(raw);
      }
      value = Math.rint(value);
    }
    if (!(value >= min && value <= max)) {
      throw bad(raw);
    }
    if (dimension == Dimension.CYCLES) {
      return picoseconds >= 0
          ? CycleCost.ofPicoseconds(picoseconds)
          : CycleCost.ofCycles((long) value);
    }
    return kind == Kind.INTEGER ? (Object) (long) value : (Object) value;
  }

  private static String reason(IllegalArgumentException e) {
    String m = e.getMessage();
    int colon = m.indexOf(": ");
    return colon >= 0 ? m.substring(colon + 2) : m;
  }

  private static boolean looksLikeCycles(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    return t.endsWith("cycles") || t.endsWith("cycle") || t.matches("[0-9]+");
  }

  /**
   * Checks a canonical value (as {@link #parse} returns it) and returns it.
   *
   * @throws IllegalArgumentException when it is not a value of this parameter
   */
  public Object check(Object canonical) {
    boolean ok =
        switch (kind) {
          case BOOLEAN -> canonical instanceof Boolean;
          case CHOICE -> canonical instanceof String s && choices.contains(s);
          case TEXT -> canonical instanceof String;
          case INTEGER ->
              dimension == Dimension.CYCLES
                  ? canonical instanceof CycleCost c && c.cycles() >= min && c.cycles() <= max
                  : canonical instanceof Long l && l >= min && l <= max;
          case DECIMAL -> canonical instanceof Double d && d >= min && d <= max;
        };
    if (!ok) {
      throw bad(canonical);
    }
    if (kind == Kind.TEXT) {
      textCheck.accept((String) canonical);
    }
    return canonical;
  }

  private IllegalArgumentException bad(Object raw) {
    return new IllegalArgumentException("'" + raw + "' is not allowed; allowed: " + allowed());
  }

  /** The canonical text of a value: integers without ".0", doubles shortest, costs as written. */
  public static String text(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
    return String.valueOf(v);
  }

  /** Every declared key of {@code params}, in order; fails on a key declared twice. */
  public static List<String> keys(List<Param> params) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Param p : params) {
      if (!seen.add(p.key())) {
        throw new IllegalStateException("parameter '" + p.key() + "' is declared twice");
      }
      out.add(p.key());
    }
    return out;
  }

  @Override
  public String toString() {
    return key;
  }
}
