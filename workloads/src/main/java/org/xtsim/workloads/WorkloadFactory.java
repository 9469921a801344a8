package org.xtsim.workloads;

import java.util.List;

/** Makes a workload from its parameters, and declares those parameters. */
public interface WorkloadFactory {
  /** The catalogue name. */
  String name();

  /** One line saying what the workload is. */
  String description();

  /** The parameters it takes, with defaults and ranges. */
  List<ParamSpec> params();

  /** A workload from resolved parameters. */
  Workload create(WorkloadParams params);

  /** A factory from its declarations and a constructor of resolved parameters. */
  static WorkloadFactory of(
      String name,
      String description,
      List<ParamSpec> params,
      java.util.function.Function<WorkloadParams, Workload> create) {
    List<ParamSpec> declared = List.copyOf(params);
    return new WorkloadFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public List<ParamSpec> params() {
        return declared;
      }

      @Override
      public Workload create(WorkloadParams resolved) {
        return create.apply(resolved);
      }
    };
  }
}
