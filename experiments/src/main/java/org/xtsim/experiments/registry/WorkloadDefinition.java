package org.xtsim.experiments.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xtsim.params.Param;

/**
 * A workload as experiment files see it: its name, a description and its parameters as the workload
 * declares them.
 *
 * @param name the name used in experiment files, e.g. {@code hpccg}
 * @param description one line for users
 * @param params parameter key to declaration, in the order to document them
 */
public record WorkloadDefinition(String name, String description, Map<String, Param> params) {
  /** Copies the parameters. */
  public WorkloadDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A definition from a list of declarations. */
  public static WorkloadDefinition of(String name, String description, List<Param> params) {
    Map<String, Param> byKey = new LinkedHashMap<>();
    for (String k : Param.keys(params)) {
      byKey.put(k, params.get(byKey.size()));
    }
    return new WorkloadDefinition(name, description, byKey);
  }
}
