package org.xtsim.experiments.spec;

import java.util.List;

/**
 * One axis of a sweep: {@code nodes}, a configuration key, {@code params.<name>} or {@code
 * machine.<key>}, with its values in order.
 *
 * @param name the axis key
 * @param values canonical values ({@link Long}, {@link Double}, {@link String}, {@link Boolean})
 * @param numeric whether the values are numbers
 * @param location where the axis is in the file
 */
public record SweepAxis(
    String name, List<Object> values, boolean numeric, SourceLocation location) {
  /** Copies the values. */
  public SweepAxis {
    values = List.copyOf(values);
  }

  /** Whether this axis sets a configuration key (rather than nodes, params or machine). */
  public boolean isConfigurationKey() {
    return !name.equals("nodes") && !name.startsWith("params.") && !name.startsWith("machine.");
  }
}
