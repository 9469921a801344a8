package org.xtsim.vmm.tlb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.NodePresets;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.vmm.ExitType;
import org.xtsim.vmm.PagingMode;

class TlbSimulatorTest {
  private static final long MIB = 1L << 20;

  /** The xt4 node with page-walk cache and nested TLB switched off. */
  private static NodeSpec xt4NoWalkCaches() {
    NodeSpec n = NodePresets.xt4();
    return n.withTlb(n.tlb().withWalkCaches(0, 0));
  }

  private static TranslationStats sweep(
      NodeSpec node, SimulationOptions o, AccessPattern p, long accesses) {
    TlbSimulator sim = new TlbSimulator(node, o, p.footprintBytes());
    sim.run(new AddressStream(p, 1), accesses);
    return sim.stats();
  }

  @Test
  void shouldMissOncePerPageOnColdSequentialSweep() {
    long pages = 5_000; // more than the 4K reach of L1 and L2 together
    AccessPattern p = AccessPattern.of(AccessKind.SEQUENTIAL, pages * 4096);
    TranslationStats s =
        sweep(
            NodePresets.xt4(),
            SimulationOptions.of(PagingMode.NATIVE, PageSize.SIZE_4K, PageSize.SIZE_4K),
            p,
            pages * 512);
    assertEquals(pages, s.tlbMisses());
    assertEquals(pages * 511, s.l1Hits());
    assertEquals(0, s.l2Hits());
  }

  @Test
  void shouldNotMissAgainWhenFootprintFitsTheReachOfTwoMegabytePages() {
    // xt4 reaches 128 x 2 MB = 256 MB through its L2 2M array: a second sweep of 200 MB only hits.
    long footprint = 200 * MIB;
    AccessPattern p = AccessPattern.of(AccessKind.STRIDED, footprint);
    NodeSpec node = NodePresets.xt4();
    assertEquals(256 * MIB, node.tlb().reachBytes(PageSize.SIZE_2M));
    SimulationOptions o =
        SimulationOptions.of(PagingMode.NATIVE, PageSize.SIZE_2M, PageSize.SIZE_2M);
    long stridesPerSweep = footprint / 4096;
    TranslationStats s = sweep(node, o, p, 2 * stridesPerSweep);
    assertEquals(footprint / (2 * MIB), s.tlbMisses(), "only the cold misses of the first sweep");
  }

  @Test
  void shouldMissAgainOnlyInOversubscribedSetsOfTheTwoWayArray() {
    // 300 MB = 150 pages of 2 MB; the L2 2M array has 64 sets of 2 ways (set = page mod 64).
    // Sets 0..21 hold 3 pages each and thrash under LRU; the other 42 sets hold 2 and keep them.
    // The 48-entry L1 is swept through (150 > 48) and never hits on the second sweep.
    long footprint = 300 * MIB;
    AccessPattern p = AccessPattern.of(AccessKind.STRIDED, footprint);
    SimulationOptions o =
        SimulationOptions.of(PagingMode.NATIVE, PageSize.SIZE_2M, PageSize.SIZE_2M);
    long strides = footprint / 4096;
    TranslationStats s = sweep(NodePresets.xt4(), o, p, 2 * strides);
    assertEquals(150 + 22 * 3, s.tlbMisses());
    // 384 MB: every set holds 3 pages, so the second sweep misses on every page.
    long full = 384 * MIB;
    TranslationStats t =
        sweep(NodePresets.xt4(), o, AccessPattern.of(AccessKind.STRIDED, full), 2 * full / 4096);
    assertEquals(2 * 192, t.tlbMisses());
  }

  @Test
  void shouldReadTwentyFourEntriesPerNestedWalkWithoutWalkCaches() {
    AccessPattern p = AccessPattern.of(AccessKind.RANDOM, 1L << 30);
    TranslationStats s =
        sweep(
            xt4NoWalkCaches(),
            SimulationOptions.of(PagingMode.NESTED, PageSize.SIZE_4K, PageSize.SIZE_4K)
                .withFlushTlbOnVmrun(false),
            p,
            100_000);
    assertTrue(s.tlbMisses() > 90_000);
    assertEquals(24.0, s.referencesPerWalk(), 1e-12);
  }

  @Test
  void shouldReadFourEntriesPerNativeWalkWithoutWalkCaches() {
    AccessPattern p = AccessPattern.of(AccessKind.RANDOM, 1L << 30);
    TranslationStats s =
        sweep(
            xt4NoWalkCaches(),
            SimulationOptions.of(PagingMode.NATIVE, PageSize.SIZE_4K, PageSize.SIZE_4K),
            p,
            100_000);
    assertEquals(4.0, s.referencesPerWalk(), 1e-12);
  }

  @Test
  void shouldShortenWalksWithLargePagesOnEitherSide() {
    AccessPattern p = AccessPattern.of(AccessKind.RANDOM, 8L << 30);
    NodeSpec node = xt4NoWalkCaches();
    double[][] expected = {
      // guest, host, refs: (g+1)(h+1)-1
      {4, 3, 19}, {3, 4, 19}, {3, 3, 15}, {2, 2, 8}, {4, 2, 14}
    };
    PageSize[] byLevels = {null, null, PageSize.SIZE_1G, PageSize.SIZE_2M, PageSize.SIZE_4K};
    for (double[] e : expected) {
      SimulationOptions o =
          SimulationOptions.of(PagingMode.NESTED, byLevels[(int) e[0]], byLevels[(int) e[1]])
              .withFlushTlbOnVmrun(false);
      TranslationStats s = sweep(node, o, p, 50_000);
      assertEquals(e[2], s.referencesPerWalk(), 1e-12, "guest/host levels " + e[0] + "/" + e[1]);
    }
    SimulationOptions native2m =
        SimulationOptions.of(PagingMode.NATIVE, PageSize.SIZE_2M, PageSize.SIZE_2M);
    assertEquals(3.0, sweep(node, native2m, p, 50_000).referencesPerWalk(), 1e-12);
  }

  @Test
  void shouldCutNestedWalkReferencesWithPageWalkCache() {
    AccessPattern p = AccessPattern.of(AccessKind.RANDOM, 1L << 30);
    SimulationOptions o =
        SimulationOptions.of(PagingMode.NESTED, PageSize.SIZE_4K, PageSize.SIZE_4K)
            .withFlushTlbOnVmrun(false);
    double with = sweep(NodePresets.xt4(), o, p, 200_000).referencesPerWalk();
    assertTrue(with < 24 && with >= 1, "with walk caches: " + with);
  }

  @Test
  void shouldTakeOneNestedFaultPerHostPageOnFirstTouch() {
    long pages = 1000;
    AccessPattern p = AccessPattern.of(AccessKind.SEQUENTIAL, pages * 4096);
    TranslationStats s =
        sweep(
            NodePresets.xt4(),
            SimulationOptions.of(PagingMode.NESTED, PageSize.SIZE_4K, PageSize.SIZE_4K),
            p,
            3 * pages * 512);
    assertEquals(pages, s.nestedFaults());
    assertEquals(pages, s.exits().get(ExitType.NPF), 0);
  }
}
