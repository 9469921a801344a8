package org.xtsim.workloads;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.xtsim.params.ParamValues;
import org.xtsim.workloads.hpccg.Hpccg;
import org.xtsim.workloads.imb.Imb;
import org.xtsim.workloads.memory.MemoryPressure;
import org.xtsim.workloads.noise.FixedTimeQuanta;
import org.xtsim.workloads.noise.FixedWorkQuanta;
import org.xtsim.workloads.proxies.CthProxy;
import org.xtsim.workloads.proxies.PopProxy;
import org.xtsim.workloads.proxies.SageProxy;

/** The workloads by name, each with its declared parameters. */
public final class WorkloadCatalog {
  private final Map<String, WorkloadFactory> factories;

  private WorkloadCatalog(Map<String, WorkloadFactory> factories) {
    this.factories = Collections.unmodifiableMap(factories);
  }

  /** Every workload xtsim ships. */
  public static WorkloadCatalog standard() {
    Map<String, WorkloadFactory> m = new LinkedHashMap<>();
    for (WorkloadFactory f :
        new WorkloadFactory[] {
          Hpccg.FACTORY,
          CthProxy.FACTORY,
          SageProxy.FACTORY,
          PopProxy.FACTORY,
          Imb.FACTORY,
          FixedWorkQuanta.FACTORY,
          FixedTimeQuanta.FACTORY,
          MemoryPressure.FACTORY
        }) {
      m.put(f.name(), f);
    }
    return new WorkloadCatalog(m);
  }

  /** The workload names. */
  public Set<String> names() {
    return factories.keySet();
  }

  /** The factory of {@code name}. */
  public WorkloadFactory factory(String name) {
    WorkloadFactory f = factories.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown workload '" + name + "'; allowed: " + String.join(", ", factories.keySet()));
    }
    return f;
  }

  /**
   * The workload {@code name} with {@code params} as a user writes them ({@code 64MiB}, {@code
   * 100}), defaults for the rest.
   */
  public Workload create(String name, Map<String, ?> params) {
    WorkloadFactory f = factory(name);
    ParamValues values;
    try {
      values = ParamValues.parse(f.params(), params);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "params." + e.getMessage() + " (workload " + name + ")", e);
    }
    return f.create(values);
  }
}
