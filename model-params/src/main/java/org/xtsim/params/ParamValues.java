package org.xtsim.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of a group of declared parameters, canonical and checked, with the defaults filled in:
 * what a model builds its configuration from. Read with the declaration itself ({@code
 * values.longValue(Hpccg.NX)}), never by a key string, so a value cannot be read under another name
 * or type than it was declared with.
 */
public final class ParamValues {
  private final Map<Param, Object> values;

  private ParamValues(Map<Param, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * The values of {@code declared}: each from {@code given} (canonical values by key) or its
   * default; a key of {@code given} that is not declared, or a value that does not fit its
   * declaration, is an error.
   *
   * @throws IllegalArgumentException naming the key and what is allowed
   */
  public static ParamValues of(List<Param> declared, Map<String, ?> given) {
    Map<String, Param> byKey = new LinkedHashMap<>();
    for (Param p : declared) {
      byKey.put(p.key(), p);
    }
    for (String k : given.keySet()) {
      if (!byKey.containsKey(k)) {
        throw new IllegalArgumentException(
            k + ": unknown key; allowed: " + String.join(", ", byKey.keySet()));
      }
    }
    Map<Param, Object> out = new LinkedHashMap<>();
    for (Param p : declared) {
      Object v = given.containsKey(p.key()) ? given.get(p.key()) : p.defaultValue();
      if (v != null) {
        try {
          out.put(p, p.check(v));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(p.key() + ": " + e.getMessage(), e);
        }
      }
    }
    return new ParamValues(out);
  }

  /**
   * The values of {@code declared} from what a user wrote ({@code 64MiB}, {@code 2.5us}, numbers,
   * booleans), each parsed by its declaration; defaults for the rest.
   *
   * @throws IllegalArgumentException naming the key and what is allowed
   */
  public static ParamValues parse(List<Param> declared, Map<String, ?> written) {
    Map<String, Object> canonical = new LinkedHashMap<>();
    for (Param p : declared) {
      if (written.containsKey(p.key())) {
        Object raw = written.get(p.key());
        try {
          canonical.put(p.key(), p.parse(raw instanceof Integer i ? (Object) (long) i : raw));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(p.key() + ": " + e.getMessage(), e);
        }
      }
    }
    for (String k : written.keySet()) {
      if (!canonical.containsKey(k)) {
        canonical.put(k, written.get(k)); // reported as unknown by of()
      }
    }
    return of(declared, canonical);
  }

  /** The defaults of {@code declared}. */
  public static ParamValues defaults(List<Param> declared) {
    return of(declared, Map.of());
  }

  /** Whether {@code p} has a value (set or by default). */
  public boolean has(Param p) {
    return values.containsKey(p);
  }

  /** The canonical value of {@code p}, or null when it is unset and has no default. */
  public Object get(Param p) {
    return values.get(p);
  }

  /** An integer, in the parameter's unit. */
  public long longValue(Param p) {
    return (Long) required(p);
  }

  /** An integer that fits an int (its declared range says so). */
  public int intValue(Param p) {
    return Math.toIntExact(longValue(p));
  }

  /** A number, in the parameter's unit. */
  public double doubleValue(Param p) {
    Object v = required(p);
    return v instanceof Long l ? l : (Double) v;
  }

  /** A boolean. */
  public boolean bool(Param p) {
    return (Boolean) required(p);
  }

  /** A choice or text. */
  public String text(Param p) {
    return (String) required(p);
  }

  /** A cost in cycles of a core clocked at {@code clockHz}. */
  public long cycles(Param p, double clockHz) {
    return ((CycleCost) required(p)).cycles(clockHz);
  }

  private Object required(Param p) {
    Object v = values.get(p);
    if (v == null) {
      throw new IllegalArgumentException(p.key() + " is not set (" + p.unsetMeaning() + ")");
    }
    return v;
  }

  /** Every value by key, in declaration order, for manifests. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    values.forEach((p, v) -> m.put(p.key(), v));
    return Collections.unmodifiableMap(m);
  }
}
