package org.xtsim.vmm;

import java.util.List;
import org.xtsim.node.PageSize;
import org.xtsim.params.Dimension;
import org.xtsim.params.Param;
import org.xtsim.params.ParamValues;

/**
 * The Palacios configuration a study may set (configuration keys of an experiment file, and the
 * options of {@code xtsim vmm-probe}), declared once, with the {@link VmmConfig} they build.
 */
public final class VmmParams {
  /** Name of the {@code controlled} preemption choice: Palacios's deferral of host work. */
  public static final String CONTROLLED = "controlled";

  /** The virtualization mode. */
  public static final Param VMM =
      Param.choice("vmm", "native", "nested", "shadow", "shadow-cached", "swapbypass")
          .defaultValue("native")
          .meaning(
              "virtualization: native (no VMM), Palacios nested paging, shadow paging (virtual"
                  + " TLB), shadow with shadow-page cache, shadow with SwapBypass")
          .source("Palacios sources (vmm_shdw_pg_*, vmm_direct_paging*); Lange et al., VEE 2011");

  /** Large pages on the host side. */
  public static final Param LARGE_PAGES =
      Param.bool("large_pages")
          .defaultValue(false)
          .meaning("back guest memory with large host pages (size: large_page_size)")
          .source("Palacios large-page support; Lange et al., VEE 2011");

  /** The large page size. */
  public static final Param LARGE_PAGE_SIZE =
      Param.choice("large_page_size", "2m", "1g")
          .defaultValue("2m")
          .meaning("large page size: 2 MiB or 1 GiB")
          .source("AMD64 page sizes; Kitten supports 4 KB, 2 MB and 1 GB pages");

  /** Host preemption policy. */
  public static final Param PREEMPTION =
      Param.choice("preemption", CONTROLLED, "uncontrolled", "aligned", "deferred", "none")
          .defaultValue("none")
          .meaning(
              "host preemption: controlled (= deferred: host work waits while the guest"
                  + " computes), aligned (host ticks at the same times on every node),"
                  + " uncontrolled (random phase per node), none")
          .source("Lange et al., VEE 2011 (carefully controlled preemption)");

  /** Host scheduler rate. */
  public static final Param PREEMPTION_HZ =
      Param.decimal("preemption_hz", 0.001, 1e6)
          .in(Dimension.FREQUENCY, "Hz")
          .defaultValue(HostPreemption.PALACIOS_TICK_HZ)
          .meaning("host scheduler tick rate; each tick an interrupt exit plus host housekeeping")
          .source("Palacios vmm_scheduler.c (100 Hz)");

  /** NIC mode. */
  public static final Param NIC =
      Param.choice("nic", "passthrough", "emulated")
          .defaultValue("passthrough")
          .meaning("SeaStar mapped into the guest (passthrough) or emulated by the VMM")
          .source("Lange et al., VEE 2011 (passthrough I/O)");

  /**
   * The world switch of one exit. The model adds, per exit, the handler cost of its type and the
   * TLB refill after VMRUN ({@link ExitCosts}); this key sets only the switch itself.
   */
  public static final Param WORLD_SWITCH_CYCLES =
      Param.integer("world_switch_cycles", 0, 10_000_000)
          .in(Dimension.CYCLES, "cycles")
          .formerly("exit_cost_cycles")
          .defaultValue(ExitCosts.DEFAULT_WORLD_SWITCH_CYCLES)
          .meaning(
              "world switch (VMRUN and #VMEXIT) per VM exit; the model adds each exit type's"
                  + " handler and the TLB refill after VMRUN on top")
          .source(
              Param.ASSUMPTION
                  + ": 1,000-2,000 cycles on hardware of that era (SplitX ~2,000 on Nehalem;"
                  + " Adams & Agesen, ASPLOS 2006); 1,500 for the Opteron: sweep it");

  /** Every VMM parameter, in the order to document them. */
  public static final List<Param> ALL =
      List.of(
          VMM, LARGE_PAGES, LARGE_PAGE_SIZE, PREEMPTION, PREEMPTION_HZ, NIC, WORLD_SWITCH_CYCLES);

  private VmmParams() {}

  /**
   * The VMM configuration {@code values} describe, on a node clocked at {@code clockHz} (for costs
   * written as durations); {@link VmmConfig#nativeNode()} when no VMM runs.
   */
  public static VmmConfig config(ParamValues values, double clockHz) {
    String mode = values.text(VMM);
    if (mode.equals("native")) {
      return VmmConfig.nativeNode();
    }
    PageSize hostPage = PageSize.SIZE_4K;
    if (values.bool(LARGE_PAGES)) {
      hostPage = values.text(LARGE_PAGE_SIZE).equals("1g") ? PageSize.SIZE_1G : PageSize.SIZE_2M;
    }
    VmmConfig vmm = VmmConfig.of(PagingMode.parse(mode), hostPage);
    vmm = vmm.withPreemption(preemption(values));
    vmm = vmm.withNic(NicConfig.of(NicMode.parse(values.text(NIC)), false));
    ExitCosts costs =
        vmm.exitCosts().withWorldSwitchCycles(values.cycles(WORLD_SWITCH_CYCLES, clockHz));
    return vmm.withExitCosts(costs);
  }

  /** Host preemption: {@code controlled} is Palacios's deferral of host work (VEE 2011). */
  static HostPreemption preemption(ParamValues values) {
    String name = values.text(PREEMPTION);
    PreemptionPolicy policy =
        name.equals(CONTROLLED) ? PreemptionPolicy.DEFERRED : PreemptionPolicy.parse(name);
    return new HostPreemption(
        policy, values.doubleValue(PREEMPTION_HZ), HostPreemption.DEFAULT_HOUSEKEEPING_CYCLES);
  }
}
