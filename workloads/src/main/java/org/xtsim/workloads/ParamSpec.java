package org.xtsim.workloads;

import java.util.List;
import java.util.Objects;

/**
 * A workload parameter as declared: its name, its default and what is allowed, so that experiment
 * files can be validated and documented from the declaration.
 *
 * @param name key in an experiment file's {@code params}
 * @param defaultValue the default (a {@link Long}, {@link Double}, or {@link String})
 * @param min smallest allowed numeric value
 * @param max largest allowed numeric value
 * @param description meaning and unit, with the source of the default
 * @param choices the allowed values of a text parameter (empty for numbers)
 */
public record ParamSpec(
    String name,
    Object defaultValue,
    double min,
    double max,
    String description,
    List<String> choices) {
  /** Validates. */
  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    choices = List.copyOf(choices);
  }

  /** An integer parameter in [min, max]. */
  public static ParamSpec integer(String name, long def, long min, long max, String description) {
    return new ParamSpec(name, def, min, max, description, List.of());
  }

  /** A real parameter in [min, max]. */
  public static ParamSpec real(
      String name, double def, double min, double max, String description) {
    return new ParamSpec(name, def, min, max, description, List.of());
  }

  /** A text parameter that takes one of {@code choices}. */
  public static ParamSpec choice(
      String name, String def, List<String> choices, String description) {
    if (!choices.contains(def)) {
      throw new IllegalArgumentException("default " + def + " is not one of " + choices);
    }
    return new ParamSpec(name, def, Double.NaN, Double.NaN, description, choices);
  }

  /** Whether the parameter is an integer. */
  public boolean isInteger() {
    return defaultValue instanceof Long;
  }

  /** Whether the parameter is numeric. */
  public boolean isNumeric() {
    return defaultValue instanceof Number;
  }

  /** The allowed range, for messages: {@code integer in [1, 1000]}. */
  public String allowed() {
    if (!isNumeric()) {
      return "one of " + String.join(", ", choices);
    }
    String kind = isInteger() ? "integer" : "number";
    return kind + " in [" + format(min) + ", " + format(max) + "]";
  }

  private String format(double v) {
    if (isInteger() || v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
