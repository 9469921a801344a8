package org.xtsim.workloads;

import java.util.Map;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.node.NodePresets;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.NoiseInjection;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.vmm.HostPreemption;
import org.xtsim.vmm.PreemptionPolicy;
import org.xtsim.vmm.VmmConfig;

/** Small runs for tests: XT4 nodes on the LogGOPS network unless told otherwise. */
final class Runs {
  static final VmmConfig NATIVE = VmmConfig.nativeNode();
  static final VmmConfig NESTED_2M = VmmConfig.nested(PageSize.SIZE_2M);
  static final VmmConfig SHADOW_4K = VmmConfig.shadow(PageSize.SIZE_4K);

  private Runs() {}

  static WorkloadResult run(
      String workload, Map<String, ?> params, String guest, VmmConfig vmm, int nodes) {
    return run(workload, params, guest, vmm, nodes, 1, LogGopsParams.defaults(), null);
  }

  static WorkloadResult run(
      String workload,
      Map<String, ?> params,
      String guest,
      VmmConfig vmm,
      int nodes,
      int threads,
      NetworkSpec network,
      NoiseInjection noise) {
    return WorkloadRun.builder()
        .workload(WorkloadCatalog.standard().create(workload, params))
        .system(NodePresets.xt4(), OsPersonalities.byName(guest), vmm)
        .network(network)
        .noise(noise)
        .nodes(nodes)
        .threads(threads)
        .seed(42)
        .run();
  }

  static VmmConfig withPreemption(VmmConfig vmm, PreemptionPolicy policy) {
    return vmm.withPreemption(HostPreemption.of(policy));
  }

  static double value(WorkloadResult r, String metric) {
    return r.metric(metric).value();
  }
}
