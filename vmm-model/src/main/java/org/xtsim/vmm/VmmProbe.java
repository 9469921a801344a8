package org.xtsim.vmm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.CycleBreakdown;
import org.xtsim.node.NodeSpec;
import org.xtsim.vmm.tlb.AddressStream;
import org.xtsim.vmm.tlb.SimulationOptions;
import org.xtsim.vmm.tlb.TlbSimulator;
import org.xtsim.vmm.tlb.TranslationStats;

/**
 * Runs one address stream through the cycle-level simulator from a cold start and prices what it
 * counted: translation cycles as simulated (refills after flushes included), exits at world switch
 * plus handler, SymCalls, swap-disk waits, and the DRAM time of the references themselves.
 */
public final class VmmProbe {
  private VmmProbe() {}

  /**
   * What to probe.
   *
   * @param node the node
   * @param pattern the address stream's pattern
   * @param accesses references to simulate, &gt; 0
   * @param options paging mode, page sizes, ASIDs, CR3 interval, memory pressure
   * @param vmm exit, symbiotic and swap costs used to price the counts
   * @param seed seed of the address stream
   */
  public record Spec(
      NodeSpec node,
      AccessPattern pattern,
      long accesses,
      SimulationOptions options,
      VmmConfig vmm,
      long seed) {
    /** Validates. */
    public Spec {
      if (accesses <= 0) {
        throw new IllegalArgumentException("accesses must be > 0, was " + accesses);
      }
    }

    /** A copy that simulates {@code mode}. */
    Spec simulating(PagingMode mode) {
      SimulationOptions o = options;
      return new Spec(
          node,
          pattern,
          accesses,
          new SimulationOptions(
              mode,
              o.guestPage(),
              o.hostPage(),
              o.flushTlbOnVmrun(),
              o.cr3IntervalAccesses(),
              o.swap()),
          vmm,
          seed);
    }
  }

  /**
   * The probe's counts and prices.
   *
   * @param spec what was probed
   * @param stats simulator counters
   * @param cycles cycle breakdown (compute is 0: the probe only references memory)
   * @param wallNanos wall-clock time of the simulation
   * @param cpuNanos CPU time of the simulating thread (-1 if the JVM cannot tell)
   * @param warmupAccesses references simulated, untimed, on a separate simulator before this run (0
   *     if none: the timing then includes the JIT compiler's warm-up)
   */
  public record Result(
      Spec spec,
      TranslationStats stats,
      CycleBreakdown cycles,
      long wallNanos,
      long cpuNanos,
      long warmupAccesses) {
    /** Simulated translations per wall-clock second. */
    public double translationsPerSecond() {
      return stats.accesses() / (wallNanos / 1e9);
    }

    /** Simulated translations per second of the thread's CPU time (less noisy on a busy box). */
    public double translationsPerCpuSecond() {
      return cpuNanos > 0 ? stats.accesses() / (cpuNanos / 1e9) : translationsPerSecond();
    }

    /**
     * What was probed and what it counted, as nested maps of names to numbers, strings and
     * booleans, in the order to print them: {@code preset}, {@code pattern}, {@code
     * footprintBytes}, {@code accesses}, {@code mode}, {@code guestPage}, {@code hostPage}, {@code
     * asid}, {@code cr3IntervalAccesses}, {@code tlb} (hits, misses, walk references, flushes,
     * translation cycles per access), {@code exits} (non-zero counts by type) and {@code
     * exitsTotal}, {@code shadowFills}, {@code nestedFaults}, {@code swap}, {@code cycles}
     * (breakdown, total, per access) and {@code simulation} (warm-up, wall and CPU time,
     * translation rates). Data, not text: the command line writes it as JSON with the writer of
     * every other record.
     */
    public Map<String, Object> report() {
      SimulationOptions o = spec.options();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("preset", spec.node().name());
      m.put("pattern", spec.pattern().kind().name().toLowerCase(Locale.ROOT));
      m.put("footprintBytes", spec.pattern().footprintBytes());
      m.put("accesses", stats.accesses());
      m.put("mode", o.mode().toString());
      if (spec.vmm().mode().selectsPerPhase()) {
        m.put("selectedBy", spec.vmm().mode().toString());
      }
      m.put("guestPage", o.guestPage().toString());
      m.put("hostPage", o.hostPage().toString());
      m.put("asid", !o.flushTlbOnVmrun());
      m.put("cr3IntervalAccesses", o.cr3IntervalAccesses());
      Map<String, Object> tlb = new LinkedHashMap<>();
      tlb.put("l1Hits", stats.l1Hits());
      tlb.put("l2Hits", stats.l2Hits());
      tlb.put("misses", stats.tlbMisses());
      tlb.put("missRate", stats.tlbMisses() / (double) stats.accesses());
      tlb.put("walkReferences", stats.walkReferences());
      tlb.put("referencesPerWalk", stats.referencesPerWalk());
      tlb.put("flushes", stats.tlbFlushes());
      tlb.put("translationCyclesPerAccess", stats.cyclesPerAccess());
      m.put("tlb", tlb);
      m.put("exits", stats.exits().nonZero());
      m.put("exitsTotal", (long) stats.exits().total());
      m.put("shadowFills", stats.shadowFills());
      m.put("nestedFaults", stats.nestedFaults());
      Map<String, Object> swap = new LinkedHashMap<>();
      swap.put("guestFaults", stats.guestSwapFaults());
      swap.put("zeroFills", stats.zeroFills());
      swap.put("diskReads", stats.diskReads());
      swap.put("diskWrites", stats.diskWrites());
      swap.put("bypassHits", stats.bypassHits());
      swap.put("symCalls", stats.symCalls());
      m.put("swap", swap);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("compute", cycles.compute());
      c.put("memory", cycles.memory());
      c.put("tlb", cycles.tlb());
      c.put("vmm", cycles.vmm());
      c.put("io", cycles.io());
      c.put("total", cycles.total());
      c.put("perAccess", cycles.total() / stats.accesses());
      m.put("cycles", c);
      Map<String, Object> sim = new LinkedHashMap<>();
      sim.put("warmupAccesses", warmupAccesses);
      sim.put("wallSeconds", wallNanos / 1e9);
      sim.put("translationsPerSecond", translationsPerSecond());
      sim.put("cpuSeconds", cpuNanos / 1e9);
      sim.put("translationsPerCpuSecond", translationsPerCpuSecond());
      m.put("simulation", sim);
      return m;
    }
  }

  /**
   * Probes the stream as the VMM of {@code spec.vmm()} runs it. A fixed mode runs as {@link
   * #run(Spec, long)}. Under {@link PagingMode#AUTOMATIC} the stream runs first under nested
   * paging, where the VMM observes it ({@link #observe}), and the policy's choice is probed; under
   * {@link PagingMode#AUTOMATIC_ORACLE} both modes are probed and the cheaper kept. The result's
   * options name the mode that ran.
   *
   * @param spec what to probe; its options' mode is ignored when the VMM chooses per phase
   * @param warmupAccesses untimed references before each timed run, &gt;= 0
   */
  public static Result runSelecting(Spec spec, long warmupAccesses) {
    PagingMode mode = spec.vmm().mode();
    if (!mode.selectsPerPhase()) {
      return run(spec, warmupAccesses);
    }
    Result nested = run(spec.simulating(PagingMode.NESTED), warmupAccesses);
    if (mode == PagingMode.AUTOMATIC
        && spec.vmm().pagingPolicy().choose(observe(nested)) == PagingMode.NESTED) {
      return nested;
    }
    Result shadow = run(spec.simulating(PagingMode.SHADOW), warmupAccesses);
    if (mode == PagingMode.AUTOMATIC) {
      return shadow;
    }
    return nested.cycles().total() <= shadow.cycles().total() ? nested : shadow;
  }

  /**
   * What the VMM observes of a probe: CR3 writes (one every {@code cr3IntervalAccesses} references,
   * read through SymSpy), no page-table writes, and the TLB misses counted, per second of the
   * probe's priced cycles.
   */
  public static SymSpyObservation observe(Result r) {
    double seconds = r.cycles().total() / r.spec().node().clockHz();
    if (!(seconds > 0)) {
      return new SymSpyObservation(0, 0, 0);
    }
    long interval = r.spec().options().cr3IntervalAccesses();
    double cr3 = interval > 0 ? r.stats().accesses() / (double) interval : 0;
    return new SymSpyObservation(cr3 / seconds, 0, r.stats().tlbMisses() / seconds);
  }

  /** Runs the probe in whatever state the JIT compiler is (no warm-up). */
  public static Result run(Spec spec) {
    return run(spec, 0);
  }

  /**
   * Runs the probe after {@code warmupAccesses} untimed references through a separate simulator of
   * the same configuration, so that the timed run measures the simulator's compiled code rather
   * than the JVM's interpreter and compilers; the counts come from the timed run alone.
   *
   * @param warmupAccesses untimed references first, &gt;= 0
   */
  public static Result run(Spec spec, long warmupAccesses) {
    if (warmupAccesses < 0) {
      throw new IllegalArgumentException("warm-up accesses must be >= 0, was " + warmupAccesses);
    }
    if (warmupAccesses > 0) {
      new TlbSimulator(spec.node(), spec.options(), spec.pattern().footprintBytes())
          .run(new AddressStream(spec.pattern(), spec.seed()), warmupAccesses);
    }
    TlbSimulator sim =
        new TlbSimulator(spec.node(), spec.options(), spec.pattern().footprintBytes());
    AddressStream stream = new AddressStream(spec.pattern(), spec.seed());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
    long t0 = System.nanoTime();
    sim.run(stream, spec.accesses());
    long wall = System.nanoTime() - t0;
    long cpuNanos = cpu ? threads.getCurrentThreadCpuTime() - c0 : -1;
    TranslationStats s = sim.stats();
    VmmConfig vmm = spec.vmm();
    double vmmCycles = 0;
    for (ExitType t : ExitType.values()) {
      vmmCycles += s.exits().get(t) * vmm.exitCosts().directCycles(t);
    }
    vmmCycles +=
        s.symCalls() * vmm.symbiotic().symCallCycles(vmm.exitCosts().worldSwitchCycles(), 0);
    double refs = s.accesses();
    double memory = spec.node().memoryCycles(refs * 8, refs, spec.pattern());
    SwapConfig swap = vmm.swap();
    double io =
        s.diskReads() * swap.diskLatencyNs() * 1e-9 * spec.node().clockHz()
            + (s.guestSwapFaults() - s.zeroFills()) * (double) swap.guestSwapFaultCycles();
    CycleBreakdown c = new CycleBreakdown(0, memory, s.translationCycles(), vmmCycles, io);
    return new Result(spec, s, c, wall, cpuNanos, warmupAccesses);
  }
}
