package org.xtsim.experiments.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A workload as experiment files see it: its name, a description and its parameters.
 *
 * @param name the name used in experiment files, e.g. {@code hpccg}
 * @param description one line for users
 * @param params parameter name to domain, in the order to document them
 */
public record WorkloadDefinition(String name, String description, Map<String, ValueDomain> params) {
  /** Copies the parameters. */
  public WorkloadDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
