package org.xtsim.workloads;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workload's parameters resolved against its declarations: defaults filled in, unknown keys and
 * bad values rejected with a message naming {@code params.<key>} and what is allowed.
 */
public final class WorkloadParams {
  private final String workload;
  private final Map<String, Object> values;

  private WorkloadParams(String workload, Map<String, Object> values) {
    this.workload = workload;
    this.values = values;
  }

  /**
   * Resolves {@code given} against {@code specs}.
   *
   * @throws IllegalArgumentException naming the key and what is allowed
   */
  public static WorkloadParams resolve(
      String workload, List<ParamSpec> specs, Map<String, ?> given) {
    Map<String, ParamSpec> byName = new LinkedHashMap<>();
    for (ParamSpec s : specs) {
      byName.put(s.name(), s);
    }
    for (String key : given.keySet()) {
      if (!byName.containsKey(key)) {
        throw new IllegalArgumentException(
            "params."
                + key
                + ": unknown parameter of workload "
                + workload
                + "; allowed: "
                + String.join(", ", byName.keySet()));
      }
    }
    Map<String, Object> values = new HashMap<>();
    for (ParamSpec s : specs) {
      Object v = given.containsKey(s.name()) ? given.get(s.name()) : s.defaultValue();
      values.put(s.name(), check(workload, s, v));
    }
    return new WorkloadParams(workload, values);
  }

  private static Object check(String workload, ParamSpec s, Object v) {
    String where = "params." + s.name() + " of workload " + workload;
    if (!s.isNumeric()) {
      if (!(v instanceof String) || !s.choices().contains(v)) {
        throw new IllegalArgumentException(where + ": expected " + s.allowed() + ", got " + v);
      }
      return v;
    }
    if (!(v instanceof Number)) {
      throw new IllegalArgumentException(where + ": expected " + s.allowed() + ", got '" + v + "'");
    }
    double d = ((Number) v).doubleValue();
    if (s.isInteger() && d != Math.rint(d)) {
      throw new IllegalArgumentException(where + ": expected " + s.allowed() + ", got " + v);
    }
    if (!(d >= s.min() && d <= s.max())) {
      throw new IllegalArgumentException(where + ": expected " + s.allowed() + ", got " + v);
    }
    return s.isInteger() ? (Object) (long) d : (Object) d;
  }

  /** An integer parameter. */
  public long longValue(String name) {
    return (Long) get(name);
  }

  /** An integer parameter that fits an int (its declared range says so). */
  public int intValue(String name) {
    return Math.toIntExact(longValue(name));
  }

  /** A real parameter. */
  public double doubleValue(String name) {
    Object v = get(name);
    return v instanceof Long ? (Long) v : (Double) v;
  }

  /** A text parameter. */
  public String text(String name) {
    return (String) get(name);
  }

  private Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(workload + " has no parameter " + name);
    }
    return v;
  }

  /** Every resolved value, for manifests. */
  public Map<String, Object> asMap() {
    return Map.copyOf(values);
  }
}
