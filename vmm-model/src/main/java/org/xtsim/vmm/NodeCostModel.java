package org.xtsim.vmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xtsim.engine.SimTime;
import org.xtsim.node.ComputePhase;
import org.xtsim.node.CycleBreakdown;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.node.PageTableActivity;
import org.xtsim.node.TlbStructure;
import org.xtsim.node.os.DurationDistribution;
import org.xtsim.node.os.InterruptionSource;
import org.xtsim.node.os.InterruptionState;
import org.xtsim.node.os.InterruptionTimeline;
import org.xtsim.node.os.NoiseInjection;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.node.os.OsPersonality;
import org.xtsim.vmm.tlb.CalibrationCache;
import org.xtsim.vmm.tlb.PatternCalibration;
import org.xtsim.vmm.tlb.SimulationOptions;

/**
 * The cost model of one node configuration (hardware, guest OS, VMM): turns a {@link ComputePhase}
 * into cycles and exits, and a phase's work into its completion time with interruptions. Immutable
 * and thread-safe; one instance serves all nodes of a configuration.
 *
 * <p>Cycles of a phase, in mode {@code m}:
 *
 * <ul>
 *   <li>compute: flops / flops per cycle;
 *   <li>memory: the larger of bytes / per-core bandwidth and, for random references beyond the
 *       cache, references × DRAM latency / overlapped misses;
 *   <li>TLB: references × calibrated steady-state translation cycles per reference (from the
 *       cycle-level simulator for this pattern, mode and page sizes, each walk reference at the
 *       cost of the cache level it hits), overlapped with the memory time as {@link
 *       NodeSpec#memoryWithTranslationCycles} states (only what the overlap leaves is added), plus
 *       a calibrated refill per guest CR3 write (the guest's TLB flush) and the guest's
 *       demand-fault handlers;
 *   <li>VMM: exits × (world switch + handler + calibrated TLB refill after VMRUN when there are no
 *       ASIDs), where the exits follow from the mode and the page-table activity (rates per second
 *       of the phase's compute, memory and translation time): shadow paging exits on CR3 writes and
 *       INVLPG, and the virtual TLB refills the shadow tables after each CR3 write with one #PF per
 *       distinct page touched until the next (calibrated curve); the shadow cache instead exits on
 *       every guest page-table write; nested paging exits only on first touch (NPF); plus SymCalls;
 *   <li>I/O: swap-disk reads the guest waits for and its swap-fault handlers (calibrated rates).
 * </ul>
 *
 * <p>Under {@link PagingMode#AUTOMATIC} each phase runs in the mode the VMM's {@link
 * SymSpyPagingPolicy} chooses from what it {@link #observe observes}; under {@link
 * PagingMode#AUTOMATIC_ORACLE}, in whichever of nested and shadow costs less. Both add one SymSpy
 * read per phase.
 *
 * <p>Timer ticks, host preemption, daemon and injected noise are not in {@link #cycles}: they
 * interrupt the phase in {@link #phaseEnd}.
 */
public final class NodeCostModel {
  /** Seed of the shared stream of aligned Poisson sources (same times on every node). */
  public static final long ALIGNED_NOISE_SEED = 0x5EED_A11CL;

  /** Cache line of the Opteron: 64 bytes (AMD family 10h software optimisation guide). */
  public static final int CACHE_LINE_BYTES = 64;

  private final NodeSpec node;
  private final OsPersonality guest;
  private final VmmConfig vmm;
  private final CalibrationCache cache;
  private final Optional<NoiseInjection> noise;
  private final double interruptRefillCycles;
  private final long guestTickCycles;
  private final InterruptionTimeline timeline;
  private final NicCosts nic;
  private final boolean tlbFlushedOnExit;

  private NodeCostModel(
      NodeSpec node,
      OsPersonality guest,
      VmmConfig vmm,
      CalibrationCache cache,
      Optional<NoiseInjection> noise) {
    this.node = node;
    this.guest = guest;
    this.vmm = vmm;
    this.cache = cache;
    this.noise = noise;
    if (!node.tlb().supports(guest.pageSize())) {
      throw new IllegalArgumentException(
          "preset " + node.name() + " cannot map the guest's " + guest.pageSize() + " pages");
    }
    if (vmm.virtualized() && !node.tlb().supports(vmm.hostPage())) {
      throw new IllegalArgumentException(
          "preset " + node.name() + " cannot map " + vmm.hostPage() + " host pages");
    }
    if (vmm.nativeTranslation() && !vmm.swap().equals(SwapConfig.NONE)) {
      throw new IllegalArgumentException(
          "native translation is a what-if without memory pressure; it models no swapping");
    }
    boolean flush = vmm.virtualized() && vmm.exitCosts().flushTlbOnVmrun();
    this.tlbFlushedOnExit = flush;
    PagingMode refillMode =
        translationMode(vmm.mode().selectsPerPhase() ? PagingMode.NESTED : vmm.mode());
    this.interruptRefillCycles =
        flush
            ? cache
                .get(node, options(refillMode), vmm.interruptRefillPattern())
                .refillCyclesPerFlush()
            : 0;
    double exitCycles =
        vmm.virtualized() ? vmm.exitCosts().directCycles(ExitType.INTR) + interruptRefillCycles : 0;
    this.guestTickCycles = Math.round(tickCycles(exitCycles));
    this.timeline =
        new InterruptionTimeline(
            sources(exitCycles), ALIGNED_NOISE_SEED, vmm.preemption().deferralLimitPs());
    this.nic =
        new NicCosts(
            vmm.virtualized(),
            vmm.nic(),
            node.clockHz(),
            vmm.exitCosts().directCycles(ExitType.IOIO) + (flush ? interruptRefillCycles : 0),
            exitCycles);
  }

  /** The model of {@code node} running {@code guest} under {@code vmm}, sharing calibrations. */
  public static NodeCostModel calibrate(NodeSpec node, OsPersonality guest, VmmConfig vmm) {
    return calibrate(node, guest, vmm, CalibrationCache.shared());
  }

  /** As {@link #calibrate(NodeSpec, OsPersonality, VmmConfig)} with a given calibration cache. */
  public static NodeCostModel calibrate(
      NodeSpec node, OsPersonality guest, VmmConfig vmm, CalibrationCache cache) {
    return new NodeCostModel(node, guest, vmm, cache, Optional.empty());
  }

  /** A copy that adds a noise-injection profile to the interruptions. */
  public NodeCostModel withNoise(NoiseInjection injection) {
    return new NodeCostModel(node, guest, vmm, cache, Optional.of(injection));
  }

  private List<InterruptionSource> sources(double exitCycles) {
    List<InterruptionSource> list = new ArrayList<>();
    if (guest.tickHz() > 0) {
      list.add(
          periodic(
              "guest tick",
              guest.tickHz(),
              tickCycles(exitCycles),
              InterruptionSource.Timing.PER_NODE,
              false));
    }
    guest
        .daemonNoise()
        .ifPresent(
            d ->
                list.add(
                    withDuration(
                        d,
                        d.duration()
                            .plus(ps(pollutionCycles(OsPersonalities.DAEMON_POLLUTION_BYTES))))));
    HostPreemption p = vmm.preemption();
    if (vmm.virtualized() && p.policy() != PreemptionPolicy.NONE) {
      InterruptionSource.Timing timing =
          p.policy() == PreemptionPolicy.ALIGNED
              ? InterruptionSource.Timing.ALIGNED
              : InterruptionSource.Timing.PER_NODE;
      boolean deferred = p.policy() == PreemptionPolicy.DEFERRED;
      HostOs host = p.host();
      double tickCycles = exitCycles + pollutionCycles(host.workPollutionBytes());
      list.add(
          hostWork(
              "host preemption",
              InterruptionSource.Arrival.PERIODIC,
              p.hostTickHz(),
              host.work(ps(p.housekeepingCycles())),
              tickCycles,
              timing,
              deferred));
      if (host.timerHz() > 0) {
        // A hardware interrupt: it exits at once under every policy; only its timing follows it.
        list.add(
            hostWork(
                "host timer",
                InterruptionSource.Arrival.PERIODIC,
                host.timerHz(),
                host.work(ps(host.timerHandlerCycles())),
                tickCycles,
                timing,
                false));
      }
      if (host.daemonHz() > 0) {
        list.add(
            hostWork(
                "host daemons",
                InterruptionSource.Arrival.POISSON,
                host.daemonHz(),
                DurationDistribution.pareto(host.daemonMeanPs(), host.daemonTailIndex()),
                exitCycles + pollutionCycles(host.daemonPollutionBytes()),
                timing,
                deferred));
      }
    }
    noise.ifPresent(n -> list.add(n.source()));
    return list;
  }

  /**
   * A source of host work: {@code work} on the host, then {@code returnCycles} for the guest (the
   * exit or return to it and the refill of what the work evicted). Not deferred, the guest waits
   * for both; deferred, the work is done in the guest's idle time and the guest pays the return
   * when it resumes.
   */
  private InterruptionSource hostWork(
      String name,
      InterruptionSource.Arrival arrival,
      double hz,
      DurationDistribution work,
      double returnCycles,
      InterruptionSource.Timing timing,
      boolean deferred) {
    return deferred
        ? new InterruptionSource(name, arrival, hz, work, timing, true, ps(returnCycles))
        : new InterruptionSource(name, arrival, hz, work.plus(ps(returnCycles)), timing, false);
  }

  /** A guest tick: the exit (if virtualized), the handler and the refill of what it evicted. */
  private double tickCycles(double exitCycles) {
    return exitCycles
        + guest.tickHandlerCycles()
        + pollutionCycles(OsPersonalities.TICK_POLLUTION_BYTES);
  }

  private static InterruptionSource withDuration(
      InterruptionSource s, DurationDistribution duration) {
    return new InterruptionSource(
        s.name(), s.arrival(), s.rateHz(), duration, s.timing(), s.deferred());
  }

  /**
   * Cycles the application loses after an interruption whose work touched {@code bytes}: the cache
   * lines it evicted come back from DRAM (overlapped as the node overlaps misses), and, unless the
   * world switch flushes the whole TLB anyway (then the exit's refill counts it), the share of a
   * full TLB refill (calibrated for the interruption refill pattern) that the 4 KB pages it touched
   * evict from the TLB holding the guest's pages.
   */
  public double pollutionCycles(long bytes) {
    if (bytes <= 0) {
      return 0;
    }
    double lines = Math.min(bytes, node.lastLevelCacheBytes()) / (double) CACHE_LINE_BYTES;
    double cache = lines * node.memoryLatencyCycles() / node.outstandingMisses();
    if (tlbFlushedOnExit) {
      return cache;
    }
    long pages = (bytes + PageSize.SIZE_4K.bytes() - 1) / PageSize.SIZE_4K.bytes();
    int entries =
        node.tlb()
            .l2For(guest.pageSize())
            .or(() -> node.tlb().l1For(guest.pageSize()))
            .map(TlbStructure::entries)
            .orElse(1);
    double share = Math.min(1.0, pages / (double) entries);
    return cache + share * fullRefillCycles();
  }

  /** Cycles to refill the TLB after a full flush, for the interruption refill pattern. */
  private double fullRefillCycles() {
    PagingMode m =
        !vmm.virtualized()
            ? PagingMode.NATIVE
            : translationMode(vmm.mode().selectsPerPhase() ? PagingMode.NESTED : vmm.mode());
    return cache.get(node, options(m), vmm.interruptRefillPattern()).refillCyclesPerFlush();
  }

  private InterruptionSource periodic(
      String name, double hz, double cycles, InterruptionSource.Timing timing, boolean deferred) {
    return new InterruptionSource(
        name,
        InterruptionSource.Arrival.PERIODIC,
        hz,
        DurationDistribution.fixed(ps(cycles)),
        timing,
        deferred);
  }

  private long ps(double cycles) {
    return SimTime.fromCycles(cycles, node.clockHz());
  }

  private SimulationOptions options(PagingMode m) {
    PageSize g = guest.pageSize();
    if (m == PagingMode.NATIVE) {
      return SimulationOptions.of(m, g, g);
    }
    return new SimulationOptions(
        m, g, vmm.hostPage(), vmm.exitCosts().flushTlbOnVmrun(), 0, vmm.swap());
  }

  /** The phase's cycle breakdown. */
  public CycleBreakdown cycles(ComputePhase phase) {
    return cost(phase).cycles();
  }

  /** The phase's expected exits by type. */
  public ExitCounts exits(ComputePhase phase) {
    return cost(phase).exits();
  }

  /** The phase's uninterrupted duration in picoseconds. */
  public long durationPs(ComputePhase phase) {
    return cycles(phase).durationPs(node.clockHz());
  }

  /** Everything the phase costs. */
  public PhaseCost cost(ComputePhase phase) {
    switch (vmm.mode()) {
      case AUTOMATIC:
        // The VMM runs the phase under nested paging, observes it (SymSpy and performance
        // counters) and switches to the mode its policy chooses.
        return withSymSpyRead(costIn(vmm.pagingPolicy().choose(observe(phase)), phase));
      case AUTOMATIC_ORACLE:
        PhaseCost nested = costIn(PagingMode.NESTED, phase);
        PhaseCost shadow = costIn(PagingMode.SHADOW, phase);
        return withSymSpyRead(nested.cycles().total() <= shadow.cycles().total() ? nested : shadow);
      default:
        return costIn(vmm.mode(), phase);
    }
  }

  /**
   * What the VMM observes of {@code phase} while the guest runs it under nested paging: the guest's
   * CR3 and page-table write rates (SymSpy) and the TLB miss rate (performance counters), per
   * second of the phase.
   */
  public SymSpyObservation observe(ComputePhase phase) {
    PhaseCost nested = costIn(PagingMode.NESTED, phase);
    double seconds = nested.cycles().total() / node.clockHz();
    PageTableActivity act = phase.pageTableActivity().plus(guest.activity());
    if (!(seconds > 0)) {
      return new SymSpyObservation(act.cr3WritesPerSecond(), act.pageTableWritesPerSecond(), 0);
    }
    double misses =
        cache.get(node, options(PagingMode.NESTED), phase.pattern()).missesPerAccess()
            * phase.memoryReferences();
    // Activity rates are per second of compute, memory and translation time; observed rates are
    // per second of the phase as it runs, exits included.
    CycleBreakdown c = nested.cycles();
    double busy = (c.compute() + c.memory() + c.tlb()) / node.clockHz();
    double scale = busy / seconds;
    return new SymSpyObservation(
        act.cr3WritesPerSecond() * scale, act.pageTableWritesPerSecond() * scale, misses / seconds);
  }

  /** {@code chosen} plus the SymSpy read that informed the choice. */
  private PhaseCost withSymSpyRead(PhaseCost chosen) {
    CycleBreakdown c = chosen.cycles();
    double spy = vmm.symbiotic().symSpyReadCycles();
    return new PhaseCost(
        new CycleBreakdown(c.compute(), c.memory(), c.tlb(), c.vmm() + spy, c.io()),
        chosen.exits(),
        chosen.mode(),
        chosen.symCalls(),
        1,
        chosen.diskReads(),
        chosen.diskWrites());
  }

  /** The mode whose translation a phase in mode {@code m} pays: native under the what-if. */
  private PagingMode translationMode(PagingMode m) {
    return vmm.nativeTranslation() ? PagingMode.NATIVE : m;
  }

  private PhaseCost costIn(PagingMode mode, ComputePhase phase) {
    PagingMode m = translationMode(mode);
    SimulationOptions opts = options(m);
    PatternCalibration cal = cache.get(node, opts, phase.pattern());
    double refs = phase.memoryReferences();
    double compute = phase.flops() / node.flopsPerCycle();
    double memory = node.memoryCycles(phase.bytesMoved(), refs, phase.pattern());
    double walks = refs * cal.tlbCyclesPerAccess();
    double tlb = node.memoryWithTranslationCycles(memory, walks) - memory;
    double runSeconds = (compute + memory + tlb) / node.clockHz();
    PageTableActivity act = phase.pageTableActivity().plus(guest.activity());
    double cr3 = act.cr3WritesPerSecond() * runSeconds;
    double ptWrites = act.pageTableWritesPerSecond() * runSeconds;
    double invlpg = act.invlpgPerSecond() * runSeconds;
    tlb += cr3 * cal.refillCyclesPerFlush();
    double demandFaults =
        guest.demandPaging() ? pages(act.firstTouchBytes(), guest.pageSize().bytes()) : 0;
    tlb += demandFaults * guest.pageFaultCycles();
    double shadowFirstTouch = pages(act.firstTouchBytes(), opts.tlbPage().bytes());

    ExitCounts exits = new ExitCounts();
    switch (m) {
      case NATIVE:
        break;
      case NESTED:
        exits.add(ExitType.NPF, pages(act.firstTouchBytes(), vmm.hostPage().bytes()));
        break;
      case SHADOW:
      case SWAPBYPASS:
        {
          double refills = cr3 > 0 ? cr3 * cal.distinctPagesIn(refs / cr3) : 0;
          exits.add(ExitType.CR3, cr3);
          exits.add(ExitType.INVLPG, invlpg);
          exits.add(ExitType.PF, refills + invlpg + shadowFirstTouch + demandFaults);
          break;
        }
      case SHADOW_CACHED:
        exits.add(ExitType.CR3, cr3);
        exits.add(ExitType.INVLPG, invlpg);
        exits.add(ExitType.PF, ptWrites + shadowFirstTouch + demandFaults);
        break;
      default:
        throw new AssertionError(m);
    }

    if (mode != PagingMode.NATIVE) {
      for (Map.Entry<ExitType, Double> e : vmm.guestExitRatesPerSecond().entrySet()) {
        exits.add(e.getKey(), e.getValue() * runSeconds);
      }
    }

    double io = 0;
    double symCalls = 0;
    double diskReads = 0;
    double diskWrites = 0;
    if (m != PagingMode.NATIVE && vmm.swap().swaps(phase.pattern().footprintBytes())) {
      PatternCalibration.SwapRates r = cal.swap();
      exits.addAll(cal.swapExitsPerAccess(), refs);
      diskReads = r.diskReadsPerAccess() * refs;
      diskWrites = r.diskWritesPerAccess() * refs;
      symCalls = r.bypassHitsPerAccess() * refs;
      double diskCycles = vmm.swap().diskLatencyNs() * 1e-9 * node.clockHz();
      io =
          diskReads * diskCycles
              + r.guestFaultsPerAccess() * refs * vmm.swap().guestSwapFaultCycles();
    }
    double refill = vmm.exitCosts().flushTlbOnVmrun() ? cal.refillCyclesPerFlush() : 0;
    double vmmCycles = 0;
    for (ExitType t : ExitType.values()) {
      double n = exits.get(t);
      if (n != 0) {
        vmmCycles += n * (vmm.exitCosts().directCycles(t) + refill);
      }
    }
    vmmCycles +=
        symCalls * vmm.symbiotic().symCallCycles(vmm.exitCosts().worldSwitchCycles(), refill);
    return new PhaseCost(
        new CycleBreakdown(compute, memory, tlb, vmmCycles, io),
        exits,
        mode,
        symCalls,
        0,
        diskReads,
        diskWrites);
  }

  private static double pages(long bytes, long pageBytes) {
    return (double) ((bytes + pageBytes - 1) / pageBytes);
  }

  /**
   * Per-node interruption state for {@code nodes} nodes (a few longs per node and source), each
   * node's random stream derived from {@code seed}.
   */
  public InterruptionState newInterruptionState(int nodes, long seed) {
    return timeline.newState(nodes, seed);
  }

  /**
   * When a phase of {@code workPs} uninterrupted work started by {@code node} at {@code startPs}
   * completes, with guest ticks (each an interrupt exit plus the guest's handler when virtualized),
   * daemon noise, host preemption under its policy and injected noise. Draws come from the node's
   * own stream in {@code state}.
   */
  public long phaseEnd(InterruptionState state, int node, long startPs, long workPs) {
    return timeline.phaseEnd(state, node, startPs, workPs);
  }

  /**
   * When host work of the MPI layer ({@code workPs}: taking a message, posting a send, a reduction)
   * that {@code node} may start at {@code startPs} ends: an interruption stops it as it stops
   * computation ({@link InterruptionTimeline#hostWorkEnd}).
   */
  public long hostWorkEnd(InterruptionState state, int node, long startPs, long workPs) {
    return timeline.hostWorkEnd(state, node, startPs, workPs);
  }

  /** The longest deferred host work waits for the guest's idle time (controlled preemption). */
  public long deferralLimitPs() {
    return timeline.deferralLimitPs();
  }

  /** The interruption sources, in the index order of {@link InterruptionState#occurrences}. */
  public List<InterruptionSource> interruptionSources() {
    return timeline.sources();
  }

  /**
   * Cycles one guest tick takes: the interrupt exit and refill (if virtualized), the handler, and
   * the refill of what the handler evicted.
   */
  public long guestTickCycles() {
    return guestTickCycles;
  }

  /** TLB refill cycles charged to each interruption exit (0 natively or with ASIDs). */
  public double interruptRefillCycles() {
    return interruptRefillCycles;
  }

  /** The VMM's NIC overheads. */
  public NicCosts nic() {
    return nic;
  }

  /** The node. */
  public NodeSpec node() {
    return node;
  }

  /** The guest (or native) OS. */
  public OsPersonality guest() {
    return guest;
  }

  /** The VMM configuration. */
  public VmmConfig vmm() {
    return vmm;
  }
}
