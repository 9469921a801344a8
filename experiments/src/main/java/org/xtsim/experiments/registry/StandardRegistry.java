package org.xtsim.experiments.registry;

import java.util.ArrayList;
import java.util.List;
import org.xtsim.network.NetworkParams;
import org.xtsim.node.NodeParams;
import org.xtsim.node.os.OsParams;
import org.xtsim.params.Param;
import org.xtsim.vmm.VmmParams;
import org.xtsim.workloads.WorkloadCatalog;
import org.xtsim.workloads.WorkloadFactory;

/**
 * Assembles the models' own declarations into the registry of experiment files; declares nothing
 * itself. Configuration keys: the VMM's ({@link VmmParams}) and the OS's ({@link OsParams});
 * machine keys: the node's ({@link NodeParams}) and the network's ({@link NetworkParams});
 * workloads: the {@link WorkloadCatalog}'s, each with its parameters.
 */
final class StandardRegistry {
  static final ModelRegistry REGISTRY = build();

  private StandardRegistry() {}

  /** Configuration keys, in the order to document them. */
  static List<Param> configurationKeys() {
    List<Param> keys = new ArrayList<>();
    keys.add(VmmParams.VMM);
    keys.add(OsParams.GUEST);
    for (Param p : VmmParams.ALL) {
      if (p != VmmParams.VMM) {
        keys.add(p);
      }
    }
    for (Param p : OsParams.ALL) {
      if (p != OsParams.GUEST) {
        keys.add(p);
      }
    }
    return keys;
  }

  /** Machine keys, in the order to document them (and to derive seeds from). */
  static List<Param> machineKeys() {
    List<Param> keys = new ArrayList<>(NodeParams.ALL);
    keys.addAll(NetworkParams.ALL);
    return keys;
  }

  private static ModelRegistry build() {
    ModelRegistry.Builder b = ModelRegistry.builder();
    Param.keys(configurationKeys());
    Param.keys(machineKeys());
    configurationKeys().forEach(b::configurationKey);
    machineKeys().forEach(b::machineKey);
    WorkloadCatalog catalog = WorkloadCatalog.standard();
    for (String name : catalog.names()) {
      WorkloadFactory f = catalog.factory(name);
      b.workload(WorkloadDefinition.of(name, f.description(), f.params()));
    }
    return b.build();
  }
}
