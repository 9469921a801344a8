package org.xtsim.vmm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
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

    /** One JSON object with TLB counts, walk references, cycles per access, exits and cycles. */
    public String toJson() {
      SimulationOptions o = spec.options();
      return String.format(
          Locale.ROOT,
          "{\"preset\": \"%s\", \"pattern\": \"%s\", \"footprintBytes\": %d, \"accesses\": %d,"
              + " \"mode\": \"%s\", \"guestPage\": \"%s\", \"hostPage\": \"%s\", \"asid\": %s,"
              + " \"cr3IntervalAccesses\": %d,"
              + " \"tlb\": {\"l1Hits\": %d, \"l2Hits\": %d, \"misses\": %d, \"missRate\": %.6g,"
              + " \"walkReferences\": %d, \"referencesPerWalk\": %.4f, \"flushes\": %d,"
              + " \"translationCyclesPerAccess\": %.4f},"
              + " \"exits\": %s, \"exitsTotal\": %d, \"shadowFills\": %d, \"nestedFaults\": %d,"
              + " \"swap\": {\"guestFaults\": %d, \"zeroFills\": %d, \"diskReads\": %d,"
              + " \"diskWrites\": %d, \"bypassHits\": %d, \"symCalls\": %d},"
              + " \"cycles\": {\"compute\": %.0f, \"memory\": %.0f, \"tlb\": %.0f, \"vmm\": %.0f,"
              + " \"io\": %.0f, \"total\": %.0f, \"perAccess\": %.4f},"
              + " \"simulation\": {\"warmupAccesses\": %d, \"wallSeconds\": %.4f, \"translationsPerSecond\": %.0f,"
              + " \"cpuSeconds\": %.4f, \"translationsPerCpuSecond\": %.0f}}",
          spec.node().name(),
          spec.pattern().kind().name().toLowerCase(Locale.ROOT),
          spec.pattern().footprintBytes(),
          stats.accesses(),
          o.mode(),
          o.guestPage(),
          o.hostPage(),
          !o.flushTlbOnVmrun(),
          o.cr3IntervalAccesses(),
          stats.l1Hits(),
          stats.l2Hits(),
          stats.tlbMisses(),
          stats.tlbMisses() / (double) stats.accesses(),
          stats.walkReferences(),
          stats.referencesPerWalk(),
          stats.tlbFlushes(),
          stats.cyclesPerAccess(),
          stats.exits().toJson(),
          (long) stats.exits().total(),
          stats.shadowFills(),
          stats.nestedFaults(),
          stats.guestSwapFaults(),
          stats.zeroFills(),
          stats.diskReads(),
          stats.diskWrites(),
          stats.bypassHits(),
          stats.symCalls(),
          cycles.compute(),
          cycles.memory(),
          cycles.tlb(),
          cycles.vmm(),
          cycles.io(),
          cycles.total(),
          cycles.total() / stats.accesses(),
          warmupAccesses,
          wallNanos / 1e9,
          translationsPerSecond(),
          cpuNanos / 1e9,
          translationsPerCpuSecond());
    }
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
