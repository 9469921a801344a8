package org.xtsim.vmm.tlb;

import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.NodeSpec;
import org.xtsim.vmm.ExitCounts;
import org.xtsim.vmm.SwapConfig;

/**
 * Measures a {@link PatternCalibration} with the {@link TlbSimulator}:
 *
 * <ol>
 *   <li>steady state: warm up, then count translation cycles, walks and references (no exits: the
 *       first-touch faults of the warm-up are not part of the steady state);
 *   <li>refill: a second simulator with the same history has its TLB and walk caches flushed at the
 *       start of each of 16 rounds; the extra cycles over the steady run, per flush;
 *   <li>the distinct-page curve at shadow-page size, for shadow refills after CR3 writes;
 *   <li>swap rates, if the guest swaps: on a footprint scaled down (with guest memory and cache in
 *       proportion) until a sweep fits the budget, after one touch of every page, warmed up for two
 *       sweeps and measured for two.
 * </ol>
 */
public final class Calibrator {
  /** Default simulated accesses per measurement. */
  public static final long DEFAULT_BUDGET = 1L << 20;

  private static final long SEED = 0x7A3B_11C5L;
  private static final int FLUSH_ROUNDS = 16;
  private static final int SWAP_MIN_PAGES = 1024;

  private Calibrator() {}

  /** Calibrates {@code pattern} on {@code node} with {@code options}. */
  public static PatternCalibration calibrate(
      NodeSpec node, SimulationOptions options, AccessPattern pattern, long budget) {
    SimulationOptions clean = options.withSwap(SwapConfig.NONE).withCr3Interval(0);
    SimulationOptions noExitFlush = clean.withFlushTlbOnVmrun(false);
    // Two simulators with the same history: one runs on, the other has its TLB and walk caches
    // flushed at the start of each round; the difference of their cycles is the refill, paired
    // reference by reference (the data caches are not flushed: a CR3 write keeps them).
    TlbSimulator sim = new TlbSimulator(node, noExitFlush, pattern.footprintBytes());
    TlbSimulator flushed = new TlbSimulator(node, noExitFlush, pattern.footprintBytes());
    AddressStream stream = new AddressStream(pattern, SEED);
    AddressStream flushedStream = new AddressStream(pattern, SEED);
    sim.run(stream, budget);
    flushed.run(flushedStream, budget);
    sim.stats().reset();
    flushed.stats().reset();
    long round = Math.max(1, budget / FLUSH_ROUNDS);
    for (int r = 0; r < FLUSH_ROUNDS; r++) {
      sim.run(stream, round);
      flushed.flushTlb();
      flushed.run(flushedStream, round);
    }
    TranslationStats steady = sim.stats();
    double cpa = steady.cyclesPerAccess();
    double missesPerAccess = steady.tlbMisses() / (double) steady.accesses();
    double refsPerWalk = steady.referencesPerWalk();
    double refill =
        Math.max(
            0,
            (flushed.stats().translationCycles() - steady.translationCycles())
                / (double) FLUSH_ROUNDS);

    long[] checkpoints = checkpoints(budget * 4);
    int pageShift = options.tlbPage().shift();
    double[] distinct = distinctPages(pattern, pageShift, checkpoints);
    long pageBytes = 1L << pageShift;
    double footprintPages = (double) ((pattern.footprintBytes() + pageBytes - 1) >>> pageShift);

    PatternCalibration.SwapRates swapRates = PatternCalibration.SwapRates.NONE;
    ExitCounts swapExits = new ExitCounts();
    if (options.swap().swaps(pattern.footprintBytes())) {
      swapRates = measureSwap(node, options, pattern, budget, swapExits);
    }
    return new PatternCalibration(
        cpa,
        missesPerAccess,
        refsPerWalk,
        refill,
        checkpoints,
        distinct,
        footprintPages,
        swapRates,
        swapExits);
  }

  private static long[] checkpoints(long max) {
    int n = 64 - Long.numberOfLeadingZeros(max);
    long[] c = new long[n];
    for (int i = 0; i < n; i++) {
      c[i] = 1L << i;
    }
    return c;
  }

  private static double[] distinctPages(AccessPattern pattern, int pageShift, long[] checkpoints) {
    PageBitmap seen = new PageBitmap(pattern.footprintBytes() >>> pageShift);
    AddressStream s = new AddressStream(pattern, SEED + 1);
    double[] d = new double[checkpoints.length];
    long count = 0;
    long done = 0;
    for (int i = 0; i < checkpoints.length; i++) {
      for (; done < checkpoints[i]; done++) {
        if (seen.set(s.next() >>> pageShift)) {
          count++;
        }
      }
      d[i] = count;
    }
    return d;
  }

  private static PatternCalibration.SwapRates measureSwap(
      NodeSpec node,
      SimulationOptions options,
      AccessPattern pattern,
      long budget,
      ExitCounts exitsPerAccess) {
    SwapConfig swap = options.swap();
    long footprint = pattern.footprintBytes();
    long memory = swap.guestMemoryBytes();
    long cache = swap.bypassCacheBytes();
    while (AddressStream.sweepAccesses(pattern.kind(), footprint, pattern.strideBytes())
            > budget * 4
        && (footprint >>> 12) > 2 * SWAP_MIN_PAGES) {
      footprint >>>= 1;
      memory >>>= 1;
      cache >>>= 1;
    }
    AccessPattern scaled = new AccessPattern(pattern.kind(), footprint, pattern.strideBytes());
    SwapConfig scaledSwap =
        new SwapConfig(
            memory,
            cache,
            swap.diskLatencyNs(),
            swap.exitsPerDiskRequest(),
            swap.guestSwapFaultCycles());
    TlbSimulator sim = new TlbSimulator(node, options.withSwap(scaledSwap), footprint);
    // The working set was touched before (first-touch zero fills are not steady-state swapping).
    AccessPattern touch = new AccessPattern(AccessKind.STRIDED, footprint, 4096);
    sim.run(new AddressStream(touch, SEED), footprint >>> 12);
    AddressStream stream = new AddressStream(scaled, SEED + 2);
    long window =
        Math.max(
            budget,
            2 * AddressStream.sweepAccesses(pattern.kind(), footprint, pattern.strideBytes()));
    sim.run(stream, window);
    sim.stats().reset();
    sim.run(stream, window);
    TranslationStats s = sim.stats();
    double n = s.accesses();
    exitsPerAccess.addAll(s.exits(), 1.0 / n);
    return new PatternCalibration.SwapRates(
        s.guestSwapFaults() / n, s.diskReads() / n, s.diskWrites() / n, s.bypassHits() / n);
  }
}
