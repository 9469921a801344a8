package org.xtsim.experiments.simulation;

import java.util.ArrayList;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.network.NetworkParams;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.mpi.CollectiveTiming;
import org.xtsim.node.NodeParams;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.os.NoiseInjection;
import org.xtsim.node.os.OsParams;
import org.xtsim.node.os.OsPersonality;
import org.xtsim.params.ParamValues;
import org.xtsim.vmm.VmmConfig;
import org.xtsim.vmm.VmmParams;
import org.xtsim.workloads.Workload;
import org.xtsim.workloads.WorkloadCatalog;
import org.xtsim.workloads.WorkloadFactory;

/**
 * One point, typed once: the models it runs on, built from the point's resolved settings through
 * each model's own declarations ({@link NodeParams}, {@link OsParams}, {@link VmmParams}, {@link
 * NetworkParams}, the workload's parameters). Nothing downstream reads a key from a map; the
 * network is built here, once per point.
 *
 * @param nodes simulated nodes
 * @param node node hardware
 * @param guest guest (or native) OS
 * @param vmm VMM configuration ({@link VmmConfig#nativeNode()} without a VMM)
 * @param noise injected noise, or null
 * @param network the network, sized for {@code nodes}
 * @param collectiveTiming how collectives are timed
 * @param workload the workload with its parameters
 */
public record PointConfig(
    int nodes,
    NodeSpec node,
    OsPersonality guest,
    VmmConfig vmm,
    NoiseInjection noise,
    NetworkSpec network,
    CollectiveTiming collectiveTiming,
    Workload workload) {

  /**
   * The configuration of {@code point}.
   *
   * @throws InvalidSetting naming the key whose value the models refuse, and why
   */
  static PointConfig of(RunPoint point, ModelRegistry registry, WorkloadCatalog catalog) {
    ParamValues settings = values("", registry.configurationKeys().values(), point.settings());
    ParamValues machine =
        values(RunPoint.MACHINE_PREFIX, registry.machineKeys().values(), point.machine());
    WorkloadFactory factory = catalog.factory(point.workload());
    ParamValues params = values(RunPoint.PARAMS_PREFIX, factory.params(), point.params());
    NodeSpec node = NodeParams.node(machine);
    VmmConfig vmm;
    NoiseInjection noise;
    try {
      vmm = VmmParams.config(settings, node.clockHz());
      noise = OsParams.noise(settings);
    } catch (IllegalArgumentException e) {
      throw new InvalidSetting(RunPoint.VMM, e.getMessage());
    }
    NetworkSpec network;
    CollectiveTiming timing;
    try {
      network = NetworkParams.spec(machine, point.nodes());
    } catch (IllegalArgumentException e) {
      throw new InvalidSetting(
          RunPoint.MACHINE_PREFIX + NetworkParams.TOPOLOGY.key(), e.getMessage());
    }
    try {
      timing = NetworkParams.collectiveTiming(machine);
    } catch (IllegalArgumentException e) {
      throw new InvalidSetting(
          RunPoint.MACHINE_PREFIX + NetworkParams.COLLECTIVE_TIMING.key(), e.getMessage());
    }
    Workload workload;
    try {
      workload = factory.create(params);
    } catch (IllegalArgumentException e) {
      throw new InvalidSetting("params", e.getMessage());
    }
    return new PointConfig(
        point.nodes(), node, OsParams.guest(settings), vmm, noise, network, timing, workload);
  }

  private static ParamValues values(
      String prefix,
      java.util.Collection<org.xtsim.params.Param> declared,
      java.util.Map<String, Object> given) {
    try {
      return ParamValues.of(new ArrayList<>(declared), given);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      int colon = m.indexOf(": ");
      throw new InvalidSetting(
          prefix + (colon > 0 ? m.substring(0, colon) : ""),
          colon > 0 ? m.substring(colon + 2) : m);
    }
  }

  /** A value the models refuse: the key (in the point's name space) and why. */
  static final class InvalidSetting extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String key;

    InvalidSetting(String key, String problem) {
      super(problem);
      this.key = key;
    }
  }
}
