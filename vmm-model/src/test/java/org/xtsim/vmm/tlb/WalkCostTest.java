package org.xtsim.vmm.tlb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.CacheHierarchy;
import org.xtsim.node.CacheLevel;
import org.xtsim.node.NodePresets;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.vmm.PagingMode;

/** What a page-walk reference costs: the latency of the data-cache level it hits. */
class WalkCostTest {
  private static final long MIB = 1L << 20;
  private static final SimulationOptions NATIVE_4K =
      SimulationOptions.of(PagingMode.NATIVE, PageSize.SIZE_4K, PageSize.SIZE_4K);

  private static TranslationStats warmRun(
      NodeSpec node, SimulationOptions o, AccessPattern p, long accesses) {
    TlbSimulator sim = new TlbSimulator(node, o, p.footprintBytes());
    AddressStream stream = new AddressStream(p, 7);
    sim.run(stream, accesses);
    sim.stats().reset();
    sim.run(stream, accesses);
    return sim.stats();
  }

  /** The xt4 with caches too small to keep a page-table line between two walks. */
  private static NodeSpec xt4WithTinyCaches() {
    NodeSpec n = NodePresets.xt4();
    return n.withCaches(CacheHierarchy.of(new CacheLevel("L1D", 128, 2, 3)));
  }

  @Test
  void shouldChargeEachWalkReferenceTheLatencyOfTheLevelItHits() {
    NodeSpec node = NodePresets.xt4();
    int[] cycles = TlbSimulator.levelCycles(node);
    assertEquals(3, cycles[0], "L1");
    assertEquals(NodePresets.K10_L2_HIT_CYCLES, cycles[1], "L2");
    assertEquals(46, cycles[2], "21 ns L3 at 2.2 GHz");
    assertEquals(176, cycles[3], "80 ns DRAM at 2.2 GHz");
    TranslationStats s =
        warmRun(node, NATIVE_4K, AccessPattern.of(AccessKind.RANDOM, 256 * MIB), 200_000);
    long expected = s.l2Hits() * node.tlb().l2HitCycles();
    long refs = 0;
    for (int level = 0; level < cycles.length; level++) {
      expected += s.walkReferencesAt(level) * cycles[level];
      refs += s.walkReferencesAt(level);
    }
    assertEquals(s.walkReferences(), refs, "every reference hits somewhere");
    assertEquals(expected, s.translationCycles());
    assertTrue(s.walkReferencesAt(1) + s.walkReferencesAt(2) > 0, "some hit L2 or L3: " + s);
    assertTrue(s.walkReferencesAt(3) > 0, "leaf entries of 64K pages miss the caches: " + s);
  }

  @Test
  void shouldCostLessPerWalkReferenceWhenPageTablesStayInTheCaches() {
    // 16 MB: 4,096 leaf entries in 512 lines, which stay in L2 beside the random data lines.
    AccessPattern p = AccessPattern.of(AccessKind.RANDOM, 16 * MIB);
    TranslationStats cached = warmRun(NodePresets.xt4(), NATIVE_4K, p, 200_000);
    TranslationStats uncached = warmRun(xt4WithTinyCaches(), NATIVE_4K, p, 200_000);
    assertEquals(cached.walkReferences(), uncached.walkReferences(), "same walks either way");
    double perRefCached = cached.translationCycles() / (double) cached.walkReferences();
    double perRefUncached = uncached.translationCycles() / (double) uncached.walkReferences();
    assertTrue(perRefCached < NodePresets.K10_L2_HIT_CYCLES + 5, "mostly L2: " + perRefCached);
    assertTrue(perRefUncached > 170, "DRAM every time: " + perRefUncached);
  }

  @Test
  void shouldNeverMakeSmallerPagesFasterForAnyPattern() {
    NodeSpec node = NodePresets.xt4();
    long footprint = 48 * MIB;
    for (AccessKind kind : AccessKind.values()) {
      AccessPattern p =
          new AccessPattern(kind, footprint, kind == AccessKind.CELL_GATHER ? 1024 : 4096);
      double[] cpa = new double[4];
      SimulationOptions[] modes = {
        SimulationOptions.of(PagingMode.NATIVE, PageSize.SIZE_2M, PageSize.SIZE_2M),
        NATIVE_4K,
        SimulationOptions.of(PagingMode.NESTED, PageSize.SIZE_2M, PageSize.SIZE_2M)
            .withFlushTlbOnVmrun(false),
        SimulationOptions.of(PagingMode.NESTED, PageSize.SIZE_4K, PageSize.SIZE_4K)
            .withFlushTlbOnVmrun(false)
      };
      for (int i = 0; i < modes.length; i++) {
        cpa[i] = warmRun(node, modes[i], p, 300_000).cyclesPerAccess();
      }
      assertTrue(cpa[1] >= cpa[0], kind + " native 4K " + cpa[1] + " < 2M " + cpa[0]);
      assertTrue(cpa[3] >= cpa[2], kind + " nested 4K " + cpa[3] + " < 2M " + cpa[2]);
      assertTrue(cpa[3] >= cpa[1], kind + " nested 4K " + cpa[3] + " < native " + cpa[1]);
    }
  }

  @Test
  void shouldCapShadowRefillsAtThePagesOfTheFootprint() {
    AccessPattern p = AccessPattern.of(AccessKind.RANDOM, 8 * MIB);
    SimulationOptions shadow =
        SimulationOptions.of(PagingMode.SHADOW, PageSize.SIZE_4K, PageSize.SIZE_4K);
    PatternCalibration c = Calibrator.calibrate(NodePresets.xt4(), shadow, p, 1L << 16);
    assertEquals(2048, c.footprintPages());
    assertEquals(2048, c.distinctPagesIn(1e12), 1e-9, "a refill faults on every page at most");
    assertTrue(c.distinctPagesIn(1_000) < 1_000.5, "at most one new page per reference");
  }

  @Test
  void shouldCalibrateAtTheFootprintRoundedToWholePagesNotToAPowerOfTwo() {
    AccessPattern p = AccessPattern.of(AccessKind.RANDOM, 36 * MIB + 1);
    assertEquals(36 * MIB + 4096, CalibrationCache.bucket(p).footprintBytes());
    AccessPattern exact = AccessPattern.of(AccessKind.RANDOM, 36 * MIB);
    assertEquals(exact, CalibrationCache.bucket(exact));
  }

  @Test
  void shouldMissTheTlbFarLessForClusteredCellGathersThanForUniformRandomReferences() {
    // The Sage proxy's mesh: 35,000 cells of 1 KB. Cells and their face neighbours are near in
    // memory, so a 4 KB page serves four cells' sweeps before the stream moves on.
    long footprint = 35_000L * 1024;
    SimulationOptions nested =
        SimulationOptions.of(PagingMode.NESTED, PageSize.SIZE_4K, PageSize.SIZE_4K)
            .withFlushTlbOnVmrun(false);
    TranslationStats cells =
        warmRun(
            NodePresets.xt4(),
            nested,
            new AccessPattern(AccessKind.CELL_GATHER, footprint, 1024),
            400_000);
    TranslationStats random =
        warmRun(NodePresets.xt4(), nested, AccessPattern.of(AccessKind.RANDOM, footprint), 400_000);
    double cellMisses = cells.tlbMisses() / (double) cells.accesses();
    double randomMisses = random.tlbMisses() / (double) random.accesses();
    assertTrue(randomMisses > 0.9, "uniform random over 35 MB misses almost always");
    assertTrue(cellMisses < 0.05, "cell sweep misses rarely: " + cellMisses);
    assertTrue(cells.cyclesPerAccess() * 10 < random.cyclesPerAccess());
  }
}
