package org.xtsim.experiments.simulation;

import org.xtsim.engine.SimTime;
import org.xtsim.experiments.RunPoint;
import org.xtsim.node.NodePresets;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.NoiseInjection;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.node.os.OsPersonality;
import org.xtsim.vmm.ExitCosts;
import org.xtsim.vmm.HostPreemption;
import org.xtsim.vmm.NicConfig;
import org.xtsim.vmm.NicMode;
import org.xtsim.vmm.PagingMode;
import org.xtsim.vmm.PreemptionPolicy;
import org.xtsim.vmm.VmmConfig;

/**
 * The node side of a point: node preset, guest OS, VMM configuration and injected noise, read from
 * the point's configuration keys. Keys left out take the models' documented defaults.
 */
final class SystemSettings {
  /** Configuration key: whether injected noise hits all nodes at the same times. */
  static final String NOISE_SYNC = "noise_sync";

  private SystemSettings() {}

  static NodeSpec node(RunPoint point) {
    return NodePresets.byName(machine(point, "preset", "xt4"));
  }

  static OsPersonality guest(RunPoint point) {
    return OsPersonalities.byName(point.guest());
  }

  /** The VMM configuration; {@code native} when no VMM runs. */
  static VmmConfig vmm(RunPoint point) {
    String mode = point.vmm();
    if (mode.equals("native")) {
      return VmmConfig.nativeNode();
    }
    PageSize hostPage = PageSize.SIZE_4K;
    if (point.largePages()) {
      Object size = point.get("large_page_size");
      hostPage = "1g".equals(size) ? PageSize.SIZE_1G : PageSize.SIZE_2M;
    }
    VmmConfig vmm = VmmConfig.of(PagingMode.parse(mode), hostPage);
    vmm = vmm.withPreemption(preemption(point));
    vmm = vmm.withNic(NicConfig.of(NicMode.parse(point.nic()), false));
    Object exitCost = point.get("exit_cost_cycles");
    if (exitCost != null) {
      ExitCosts costs = vmm.exitCosts().withWorldSwitchCycles(((Number) exitCost).longValue());
      vmm = vmm.withExitCosts(costs);
    }
    return vmm;
  }

  /**
   * Host preemption: {@code controlled} is Palacios's deferral of host work while the guest
   * computes (VEE 2011); {@code aligned} and {@code deferred} name the two controlled policies.
   */
  static HostPreemption preemption(RunPoint point) {
    String name = point.preemption();
    PreemptionPolicy policy =
        name.equals("controlled") ? PreemptionPolicy.DEFERRED : PreemptionPolicy.parse(name);
    HostPreemption p = HostPreemption.of(policy);
    Object hz = point.get("preemption_hz");
    if (hz != null) {
      p = new HostPreemption(policy, ((Number) hz).doubleValue(), p.housekeepingCycles());
    }
    return p;
  }

  /** Injected noise, or null: {@code noise_pct} of CPU at {@code noise_frequency_hz}. */
  static NoiseInjection noise(RunPoint point) {
    Object pct = point.get("noise_pct");
    if (pct == null || ((Number) pct).doubleValue() == 0) {
      return null;
    }
    Object hz = point.get("noise_frequency_hz");
    if (hz == null) {
      throw new IllegalArgumentException("noise_pct needs noise_frequency_hz");
    }
    double frequency = ((Number) hz).doubleValue();
    double durationSeconds = ((Number) pct).doubleValue() / 100 / frequency;
    Object sync = point.get(NOISE_SYNC);
    return new NoiseInjection(
        frequency, SimTime.seconds(durationSeconds), Boolean.TRUE.equals(sync));
  }

  static String machine(RunPoint point, String key, String fallback) {
    Object v = point.machine().get(key);
    return v == null ? fallback : v.toString();
  }
}
