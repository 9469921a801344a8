package org.xtsim.workloads;

import java.util.List;
import org.xtsim.params.Param;
import org.xtsim.params.ParamValues;

/** Makes a workload from its parameters, and declares those parameters. */
public interface WorkloadFactory {
  /** The catalogue name. */
  String name();

  /** One line saying what the workload is. */
  String description();

  /** The parameters it takes, with defaults and ranges. */
  List<Param> params();

  /** A workload from resolved parameters. */
  Workload create(ParamValues params);

  /** A factory from its declarations and a constructor of resolved parameters. */
  static WorkloadFactory of(
      String name,
      String description,
      List<Param> params,
      java.util.function.Function<ParamValues, Workload> create) {
    List<Param> declared = List.copyOf(params);
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
      public List<Param> params() {
        return declared;
      }

      @Override
      public Workload create(ParamValues resolved) {
        return create.apply(resolved);
      }
    };
  }
}
