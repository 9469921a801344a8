package org.xtsim.vmm;

import java.util.List;
import org.xtsim.engine.SimTime;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.DurationDistribution;
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
      Param.choice(
              "vmm",
              "native",
              "nested",
              "shadow",
              "shadow-cached",
              "swapbypass",
              "automatic",
              "automatic-oracle")
          .defaultValue("native")
          .meaning(
              "virtualization: native (no VMM), Palacios nested paging, shadow paging (virtual"
                  + " TLB), shadow with shadow-page cache, shadow with SwapBypass; automatic:"
                  + " shadow or nested per phase by the SymSpy policy (automatic_max_updates_hz,"
                  + " automatic_min_tlb_misses_hz); automatic-oracle: whichever the cost model"
                  + " finds cheaper, for comparison")
          .source(
              "Palacios sources (vmm_shdw_pg_*, vmm_direct_paging*); Lange et al., VEE 2011"
                  + " (workload-sensitive selection of the paging mechanism)");

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
              "host preemption (Palacios scheduler ticks, host timer, host daemons):"
                  + " controlled (= deferred: the host's work waits for the guest's idle time, as"
                  + " Palacios on Kitten yields to the host when the guest halts; the host timer"
                  + " still interrupts), aligned (host work at the same times on every node),"
                  + " uncontrolled (a free-running host scheduler: its own phase and draws on"
                  + " each node), none (a dedicated core)")
          .source("Lange et al., VEE 2011 (carefully controlled preemption)");

  /** Host scheduler rate. */
  public static final Param PREEMPTION_HZ =
      Param.decimal("preemption_hz", 0.001, 1e6)
          .in(Dimension.FREQUENCY, "Hz")
          .defaultValue(HostPreemption.PALACIOS_TICK_HZ)
          .meaning("host scheduler tick rate; each tick an interrupt exit plus host housekeeping")
          .source("Palacios vmm_scheduler.c (100 Hz)");

  /** How long controlled preemption lets host work wait for the guest's idle time. */
  public static final Param HOST_DEFERRAL_LIMIT_MS =
      Param.decimal("host_deferral_limit_ms", 0, 1e6)
          .in(Dimension.DURATION, "ms")
          .noDefault("none: the host's work waits for idle time however long that takes")
          .meaning(
              "preemption controlled: the host's work is done in the guest's idle time, over as"
                  + " many idle gaps as it takes; with a limit, work that has waited this long"
                  + " takes the core for the whole backlog, whatever the guest is doing (10 ms is"
                  + " Palacios's own scheduler period at 100 Hz)")
          .source(
              "Palacios vmm_halt.c: a halted guest yields to the host until an interrupt is"
                  + " pending; v3_yield_cond (vmm.c): the periodic yield, once per scheduler"
                  + " period whether or not the guest idles, is the uncontrolled case");

  /** The host OS under Palacios. */
  public static final Param HOST =
      Param.choice("host", "kitten", "linux")
          .defaultValue("kitten")
          .meaning(
              "host OS under Palacios: kitten (10 Hz timer, no daemons: the VEE 2011 host) or"
                  + " linux (250 Hz timer, daemons with heavy-tailed run times); its work"
                  + " preempts the guest under the preemption policy")
          .source(
              "Lange et al., VEE 2011 (Palacios on Kitten); Kitten kernel/sched.c (10 Hz);"
                  + " Linux host figures are assumptions (see HostOs)");

  /** Host daemon wake-ups. */
  public static final Param HOST_DAEMON_HZ =
      Param.decimal("host_daemon_hz", 0, 1e6)
          .in(Dimension.FREQUENCY, "Hz")
          .noDefault("the host preset's: none on kitten, 20 Hz on linux")
          .meaning("wake-ups per second of host daemons and kernel threads (Poisson, per node)")
          .source(Param.ASSUMPTION + ": 20 Hz on a Linux host; Kitten runs no daemons");

  /** Mean run time of a host daemon wake-up. */
  public static final Param HOST_DAEMON_MEAN_US =
      Param.decimal("host_daemon_mean_us", 0, 1e7)
          .in(Dimension.DURATION, "us")
          .defaultValue((double) HostOs.DEFAULT_DAEMON_MEAN_US)
          .meaning("mean run time of one host daemon wake-up (Pareto distributed)")
          .source(Param.ASSUMPTION + ": 50 us, as the CNL guest's daemons; sweep it");

  /** Tail index of host daemon run times. */
  public static final Param HOST_DAEMON_TAIL_INDEX =
      Param.decimal("host_daemon_tail_index", 1.01, 100)
          .defaultValue(HostOs.DEFAULT_DAEMON_TAIL_INDEX)
          .meaning(
              "tail index alpha of the Pareto run time of host daemons: P(X > x) ~ x^-alpha;"
                  + " smaller is heavier, alpha <= 2 has infinite variance")
          .source(
              Param.ASSUMPTION
                  + ": 2; OS noise is dominated by rare long events (Petrini, Kerbyson, Pakin,"
                  + " SC03), the exponent is not published");

  /** Shape of the host's work at each tick. */
  public static final Param HOST_WORK_DURATION =
      Param.choice("host_work_duration", "pareto", "exponential", "uniform", "fixed")
          .defaultValue(HostOs.DEFAULT_WORK_DURATION.name().toLowerCase(java.util.Locale.ROOT))
          .meaning(
              "how long the host's work at each tick lasts around its mean (Palacios's scheduler"
                  + " housekeeping and the host timer handler): pareto (heavy tail, index"
                  + " host_work_tail_index), exponential, uniform on [0, 2 x mean], or fixed (every"
                  + " tick its mean)")
          .source(
              Param.ASSUMPTION
                  + ": pareto; a tick runs whatever timers, deferred work and VM bookkeeping fell"
                  + " due, and kernel work on HPC nodes has rare long runs (Petrini, Kerbyson,"
                  + " Pakin, SC03)");

  /** Tail index of the host's tick work. */
  public static final Param HOST_WORK_TAIL_INDEX =
      Param.decimal("host_work_tail_index", 1.01, 100)
          .defaultValue(HostOs.DEFAULT_WORK_TAIL_INDEX)
          .meaning(
              "tail index alpha of the host's tick work when host_work_duration is pareto:"
                  + " P(X > x) ~ x^-alpha, same mean; smaller is heavier")
          .source(
              Param.ASSUMPTION
                  + ": 2, the host daemons' exponent; not published for Kitten or Palacios");

  /** Bytes the host's tick work touches. */
  public static final Param HOST_WORK_POLLUTION_KIB =
      Param.integer("host_work_pollution_kib", 0, 1 << 20)
          .in(Dimension.SIZE, "KiB")
          .defaultValue(HostOs.DEFAULT_WORK_POLLUTION_KIB)
          .meaning(
              "bytes a host timer or scheduler tick's work touches; the guest refetches the"
                  + " cache lines (and walks for the TLB entries) it evicted")
          .source(Param.ASSUMPTION + ": 16 KiB (run queue, timers, VM state, stack and code)");

  /** Bytes a host daemon wake-up touches. */
  public static final Param HOST_DAEMON_POLLUTION_KIB =
      Param.integer("host_daemon_pollution_kib", 0, 1 << 20)
          .in(Dimension.SIZE, "KiB")
          .defaultValue(HostOs.DEFAULT_DAEMON_POLLUTION_KIB)
          .meaning("bytes a host daemon wake-up touches (evicting the guest's cache and TLB)")
          .source(Param.ASSUMPTION + ": 256 KiB, a quarter of the Opteron's 1 MB L2");

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

  /** The automatic policy's most guest updates per second under which it still runs shadow. */
  public static final Param AUTO_MAX_UPDATES =
      Param.decimal("automatic_max_updates_hz", 0, 1e9)
          .in(Dimension.FREQUENCY, "Hz")
          .defaultValue(SymSpyPagingPolicy.DEFAULT_MAX_UPDATES_PER_SECOND)
          .meaning(
              "vmm automatic: shadow paging only while the guest's CR3 writes plus page-table"
                  + " writes (read through SymSpy) stay at or below this rate")
          .source(
              Param.ASSUMPTION
                  + ": under shadow paging an update costs an exit and, after a CR3 write, a #PF"
                  + " exit per page touched again, of the order of 10^5 cycles; 100 a second keeps"
                  + " that near 0.5 % of a 2.2 GHz core. Lange et al., VEE 2011: shadow for"
                  + " Catamount (static page tables), nested for CNL");

  /** The automatic policy's fewest TLB misses per second for which it runs shadow. */
  public static final Param AUTO_MIN_TLB_MISSES =
      Param.decimal("automatic_min_tlb_misses_hz", 0, 1e12)
          .in(Dimension.FREQUENCY, "Hz")
          .defaultValue(SymSpyPagingPolicy.DEFAULT_MIN_TLB_MISSES_PER_SECOND)
          .meaning(
              "vmm automatic: shadow paging only when the guest misses the TLB at least this"
                  + " often (performance counters); below it nested paging's 2-D walks cost little")
          .source(
              Param.ASSUMPTION
                  + ": a nested 2-D walk costs of the order of 100 cycles more than a 1-D walk (up"
                  + " to 24 references against 4, fewer with walk caches: Bhargava et al., ASPLOS"
                  + " 2008); below 10^5 misses a second that is under 0.5 % of a 2.2 GHz core."
                  + " Wang et al., VEE 2011 switch modes on TLB misses and guest page faults");

  /** Every VMM parameter, in the order to document them. */
  public static final List<Param> ALL =
      List.of(
          VMM,
          LARGE_PAGES,
          LARGE_PAGE_SIZE,
          PREEMPTION,
          PREEMPTION_HZ,
          HOST_DEFERRAL_LIMIT_MS,
          HOST,
          HOST_DAEMON_HZ,
          HOST_DAEMON_MEAN_US,
          HOST_DAEMON_TAIL_INDEX,
          HOST_WORK_DURATION,
          HOST_WORK_TAIL_INDEX,
          HOST_WORK_POLLUTION_KIB,
          HOST_DAEMON_POLLUTION_KIB,
          NIC,
          WORLD_SWITCH_CYCLES,
          AUTO_MAX_UPDATES,
          AUTO_MIN_TLB_MISSES);

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
    vmm =
        vmm.withPagingPolicy(
            new SymSpyPagingPolicy(
                values.doubleValue(AUTO_MAX_UPDATES), values.doubleValue(AUTO_MIN_TLB_MISSES)));
    ExitCosts costs =
        vmm.exitCosts().withWorldSwitchCycles(values.cycles(WORLD_SWITCH_CYCLES, clockHz));
    return vmm.withExitCosts(costs);
  }

  /** Host preemption: {@code controlled} is Palacios's deferral of host work (VEE 2011). */
  static HostPreemption preemption(ParamValues values) {
    String name = values.text(PREEMPTION);
    PreemptionPolicy policy =
        name.equals(CONTROLLED) ? PreemptionPolicy.DEFERRED : PreemptionPolicy.parse(name);
    HostPreemption p =
        new HostPreemption(
            policy,
            values.doubleValue(PREEMPTION_HZ),
            HostPreemption.DEFAULT_HOUSEKEEPING_CYCLES,
            host(values));
    return values.has(HOST_DEFERRAL_LIMIT_MS)
        ? p.withDeferralLimit(SimTime.ms(values.doubleValue(HOST_DEFERRAL_LIMIT_MS)))
        : p;
  }

  /** The host OS: the preset, with the daemon, tick-work and pollution keys applied. */
  static HostOs host(ParamValues values) {
    HostOs preset = HostOs.byName(values.text(HOST));
    double hz = values.has(HOST_DAEMON_HZ) ? values.doubleValue(HOST_DAEMON_HZ) : preset.daemonHz();
    return preset
        .withDaemons(
            hz,
            SimTime.us(values.doubleValue(HOST_DAEMON_MEAN_US)),
            values.doubleValue(HOST_DAEMON_TAIL_INDEX))
        .withWorkDuration(
            DurationDistribution.Kind.valueOf(
                values.text(HOST_WORK_DURATION).toUpperCase(java.util.Locale.ROOT)),
            values.doubleValue(HOST_WORK_TAIL_INDEX))
        .withPollution(
            values.longValue(HOST_WORK_POLLUTION_KIB) * 1024,
            values.longValue(HOST_DAEMON_POLLUTION_KIB) * 1024);
  }
}
