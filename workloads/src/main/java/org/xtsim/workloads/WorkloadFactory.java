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
}
