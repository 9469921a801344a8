package org.xtsim.experiments.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workload of an experiment with its parameters, declared defaults filled in.
 *
 * @param name workload name
 * @param params parameters by name, in declaration order
 * @param location where the entry is in the file
 */
public record WorkloadEntry(String name, Map<String, Object> params, SourceLocation location) {
  /** Copies the parameters. */
  public WorkloadEntry {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
