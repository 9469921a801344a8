package org.xtsim.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.node.NodePresets;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.vmm.tlb.AddressStream;
import org.xtsim.vmm.tlb.CalibrationCache;
import org.xtsim.vmm.tlb.SimulationOptions;
import org.xtsim.vmm.tlb.TlbSimulator;
import org.xtsim.vmm.tlb.TranslationStats;

class SwapBypassTest {
  private static final long MIB = 1L << 20;
  // 48 MB working set in a 32 MB guest: 16 MB is always swapped out.
  private static final AccessPattern PATTERN = AccessPattern.of(AccessKind.RANDOM, 48 * MIB);
  private static final SwapConfig FITS = SwapConfig.pressured(32 * MIB, 24 * MIB);

  /** Statistics of a run from a cold start (every page is first touched in the run). */
  private static TranslationStats simulate(PagingMode mode, SwapConfig swap) {
    SimulationOptions o =
        SimulationOptions.of(mode, PageSize.SIZE_4K, PageSize.SIZE_4K).withSwap(swap);
    TlbSimulator sim = new TlbSimulator(NodePresets.xt4(), o, PATTERN.footprintBytes());
    sim.run(new AddressStream(PATTERN, 3), 600_000);
    return sim.stats();
  }

  @Test
  void shouldSwapThroughTheDiskWithoutSwapBypass() {
    TranslationStats s = simulate(PagingMode.SHADOW, FITS);
    assertTrue(s.diskReads() > 10_000, "reads " + s.diskReads());
    assertTrue(s.diskWrites() > 10_000);
    assertTrue(s.exits().get(ExitType.IOIO) >= 4.0 * (s.diskReads() + s.diskWrites()));
    // Uniform references: a reference misses guest memory with probability (48 - 32) / 48.
    double faultsPerMiss = s.guestSwapFaults() / (double) s.tlbMisses();
    assertEquals(1.0 / 3, faultsPerMiss, 0.03);
  }

  @Test
  void shouldRemoveDiskIoWhenSwappedPagesFitTheBypassCache() {
    TranslationStats s = simulate(PagingMode.SWAPBYPASS, FITS);
    assertEquals(0, s.diskReads());
    assertEquals(0, s.diskWrites());
    assertEquals(s.zeroFills(), s.guestSwapFaults(), "only first-touch faults: no swap-ins");
    // 12,288 pages in a 8,192-page guest: 4,096 pages are swapped out once, into the cache, and
    // then mapped from it by a SymCall when next touched.
    assertTrue(s.bypassHits() > 3_500 && s.bypassHits() <= 4_096, "hits " + s.bypassHits());
    assertEquals(s.bypassHits(), s.symCalls());
  }

  @Test
  void shouldStillReachTheDiskWhenTheBypassCacheIsTooSmall() {
    TranslationStats s = simulate(PagingMode.SWAPBYPASS, SwapConfig.pressured(32 * MIB, 4 * MIB));
    assertTrue(s.diskReads() > 0);
    assertTrue(s.bypassHits() > 0);
  }

  @Test
  void shouldRemoveSwapIoCyclesFromThePhaseCost() {
    CalibrationCache cache = new CalibrationCache(1 << 17);
    ComputePhase p = ComputePhase.of(1e7, 8e7, 1e7, PATTERN);
    PhaseCost plain =
        NodeCostModel.calibrate(
                NodePresets.xt4(),
                OsPersonalities.computeNodeLinux(),
                VmmConfig.shadow(PageSize.SIZE_4K).withSwap(FITS),
                cache)
            .cost(p);
    PhaseCost bypass =
        NodeCostModel.calibrate(
                NodePresets.xt4(),
                OsPersonalities.computeNodeLinux(),
                VmmConfig.swapBypass(FITS),
                cache)
            .cost(p);
    assertTrue(plain.diskReads() > 0);
    assertTrue(plain.cycles().io() > 100 * plain.cycles().compute());
    assertEquals(0, bypass.diskReads(), 0);
    assertEquals(0, bypass.cycles().io(), 0);
    assertTrue(bypass.cycles().total() < plain.cycles().total() / 10);
  }
}
