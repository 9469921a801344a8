package org.xtsim.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.node.CycleBreakdown;
import org.xtsim.node.NodePresets;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.node.PageTableActivity;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.node.os.OsPersonality;
import org.xtsim.vmm.tlb.CalibrationCache;
import org.xtsim.vmm.tlb.SimulationOptions;

class PagingModeCostTest {
  private static final CalibrationCache CACHE = new CalibrationCache(1 << 16);
  private static final NodeSpec XT4 = NodePresets.xt4();
  private static final OsPersonality STATIC_4K =
      OsPersonalities.kitten().withTickHz(0).withPageSize(PageSize.SIZE_4K);
  private static final AccessPattern RANDOM_256M = AccessPattern.of(AccessKind.RANDOM, 256L << 20);

  private static ComputePhase phase(double cr3PerSecond) {
    return new ComputePhase(
        1e8, 8e8, 1e8, RANDOM_256M, new PageTableActivity(cr3PerSecond, 0, 0, 0));
  }

  private static PhaseCost cost(VmmConfig vmm, ComputePhase p) {
    return NodeCostModel.calibrate(XT4, STATIC_4K, vmm, CACHE).cost(p);
  }

  @Test
  void shouldPayNativeTlbCostsUnderShadowPagingWithStaticPageTables() {
    CycleBreakdown nat = cost(VmmConfig.nativeNode(), phase(0)).cycles();
    PhaseCost sh = cost(VmmConfig.shadow(PageSize.SIZE_4K), phase(0));
    assertTrue(nat.tlb() > 0);
    assertEquals(nat.tlb(), sh.cycles().tlb(), 1e-9 * nat.tlb());
    assertEquals(0, sh.cycles().vmm(), 0);
    assertEquals(0, sh.exits().total(), 0);
  }

  @Test
  void shouldPayMoreForNestedWalksThanNativeOnRandomAccess() {
    double nat = cost(VmmConfig.nativeNode(), phase(0)).cycles().tlb();
    double nested = cost(VmmConfig.nested(PageSize.SIZE_4K), phase(0)).cycles().tlb();
    double nestedLarge = cost(VmmConfig.nested(PageSize.SIZE_2M), phase(0)).cycles().tlb();
    assertTrue(nested > 1.5 * nat, "nested " + nested + " native " + nat);
    assertTrue(nestedLarge < nested, "2 MB host pages shorten the 2-D walk");
  }

  @Test
  void shouldGrowShadowExitCostsWithCr3WriteRateButNotNested() {
    double[] rates = {0, 100, 1_000, 10_000};
    double prevShadow = -1;
    double nested0 = cost(VmmConfig.nested(PageSize.SIZE_4K), phase(0)).cycles().vmm();
    for (double r : rates) {
      PhaseCost sh = cost(VmmConfig.shadow(PageSize.SIZE_4K), phase(r));
      PhaseCost ne = cost(VmmConfig.nested(PageSize.SIZE_4K), phase(r));
      assertTrue(sh.cycles().vmm() > prevShadow, "shadow VMM cycles grow with the CR3 rate");
      prevShadow = sh.cycles().vmm();
      assertEquals(nested0, ne.cycles().vmm(), 1e-9, "nested paging takes no CR3 exits");
      assertEquals(0, ne.exits().get(ExitType.CR3), 0);
    }
    PhaseCost hi = cost(VmmConfig.shadow(PageSize.SIZE_4K), phase(10_000));
    assertTrue(hi.exits().get(ExitType.PF) > hi.exits().get(ExitType.CR3), "refill #PF exits");
  }

  @Test
  void shouldKeepShadowTablesAcrossCr3WritesWithTheShadowCache() {
    PhaseCost vtlb = cost(VmmConfig.shadow(PageSize.SIZE_4K), phase(1_000));
    PhaseCost cached = cost(VmmConfig.shadowCached(PageSize.SIZE_4K), phase(1_000));
    assertEquals(vtlb.exits().get(ExitType.CR3), cached.exits().get(ExitType.CR3), 1e-9);
    assertEquals(0, cached.exits().get(ExitType.PF), 0);
    assertTrue(cached.cycles().vmm() < vtlb.cycles().vmm());
  }

  @Test
  void shouldExitOnEveryGuestPageTableWriteWithTheShadowCacheOnly() {
    ComputePhase writes =
        new ComputePhase(1e8, 8e8, 1e8, RANDOM_256M, new PageTableActivity(0, 5_000, 0, 0));
    PhaseCost cached = cost(VmmConfig.shadowCached(PageSize.SIZE_4K), writes);
    PhaseCost vtlb = cost(VmmConfig.shadow(PageSize.SIZE_4K), writes);
    double seconds = (cost(VmmConfig.nativeNode(), writes).cycles().total()) / XT4.clockHz();
    assertEquals(5_000 * seconds, cached.exits().get(ExitType.PF), 1e-6);
    assertEquals(0, vtlb.exits().total(), 0);
  }

  @Test
  void shouldAvoidRefillCostsWithAsids() {
    double flush = cost(VmmConfig.shadow(PageSize.SIZE_4K), phase(1_000)).cycles().vmm();
    double asid =
        cost(VmmConfig.shadow(PageSize.SIZE_4K).withAsid(true), phase(1_000)).cycles().vmm();
    assertTrue(asid < flush, "asid " + asid + " flush " + flush);
  }

  @Test
  void shouldTakeNestedFaultsOnFirstTouchOnly() {
    ComputePhase touch =
        new ComputePhase(0, 0, 1e6, RANDOM_256M, new PageTableActivity(0, 0, 0, 64L << 20));
    assertEquals(
        (64L << 20) / 4096,
        cost(VmmConfig.nested(PageSize.SIZE_4K), touch).exits().get(ExitType.NPF),
        0);
    assertEquals(32, cost(VmmConfig.nested(PageSize.SIZE_2M), touch).exits().get(ExitType.NPF), 0);
  }

  @Test
  void shouldLetTheOraclePickTheCheaperModeForEachPhase() {
    PhaseCost quiet = cost(VmmConfig.automaticOracle(PageSize.SIZE_4K), phase(0));
    PhaseCost busy = cost(VmmConfig.automaticOracle(PageSize.SIZE_4K), phase(20_000));
    assertEquals(PagingMode.SHADOW, quiet.mode());
    assertEquals(PagingMode.NESTED, busy.mode());
    assertEquals(1, busy.symSpyReads(), 0);
    for (PhaseCost c : new PhaseCost[] {quiet, busy}) {
      ComputePhase p = c == quiet ? phase(0) : phase(20_000);
      double shadow = cost(VmmConfig.shadow(PageSize.SIZE_4K), p).cycles().total();
      double nested = cost(VmmConfig.nested(PageSize.SIZE_4K), p).cycles().total();
      assertTrue(c.cycles().total() <= Math.min(shadow, nested) + 100, "picks the cheaper mode");
    }
  }

  @Test
  void shouldChargeOtherGuestExitsAtTheirRateOnlyWhenVirtualized() {
    VmmConfig rdtsc = VmmConfig.nested(PageSize.SIZE_4K).withGuestExitRate(ExitType.RDTSC, 10_000);
    PhaseCost base = cost(VmmConfig.nested(PageSize.SIZE_4K), phase(0));
    PhaseCost with = cost(rdtsc, phase(0));
    CycleBreakdown b = base.cycles();
    double seconds = (b.compute() + b.memory() + b.tlb()) / XT4.clockHz();
    double n = 10_000 * seconds;
    assertEquals(n, with.exits().get(ExitType.RDTSC), 1e-9);
    double perExit =
        rdtsc.exitCosts().directCycles(ExitType.RDTSC)
            + (with.cycles().vmm()
                    - base.cycles().vmm()
                    - n * rdtsc.exitCosts().directCycles(ExitType.RDTSC))
                / n;
    assertTrue(perExit > rdtsc.exitCosts().directCycles(ExitType.RDTSC), "plus the TLB refill");
    assertEquals(
        0,
        cost(VmmConfig.nativeNode().withGuestExitRate(ExitType.RDTSC, 10_000), phase(0))
            .exits()
            .total(),
        0);
  }

  @Test
  void shouldShareCalibrationsBetweenModelsOfTheSameConfiguration() {
    CalibrationCache cache = new CalibrationCache(1 << 14);
    NodeCostModel a = NodeCostModel.calibrate(XT4, STATIC_4K, VmmConfig.nativeNode(), cache);
    a.cycles(phase(0));
    int size = cache.size();
    NodeCostModel b = NodeCostModel.calibrate(XT4, STATIC_4K, VmmConfig.nativeNode(), cache);
    ComputePhase slightlyBigger =
        ComputePhase.of(1e8, 8e8, 1e8, AccessPattern.of(AccessKind.RANDOM, (256L << 20) - 100));
    assertEquals(a.cycles(phase(0)), b.cycles(phase(0)));
    b.cycles(slightlyBigger);
    assertEquals(size, cache.size(), "same whole pages, no new calibration");
  }

  @Test
  void shouldAddOnlyTheWalkTimeThatTheMemoryTimeDoesNotHide() {
    ComputePhase p = phase(0);
    PhaseCost c = cost(VmmConfig.nested(PageSize.SIZE_4K), p);
    SimulationOptions nested =
        SimulationOptions.of(PagingMode.NESTED, PageSize.SIZE_4K, PageSize.SIZE_4K);
    double walks = p.memoryReferences() * CACHE.get(XT4, nested, RANDOM_256M).tlbCyclesPerAccess();
    double memory = c.cycles().memory();
    assertTrue(walks > 0 && memory > 0);
    assertEquals(
        XT4.memoryWithTranslationCycles(memory, walks) - memory, c.cycles().tlb(), 1e-6 * walks);
    assertTrue(c.cycles().tlb() < walks, "walks overlap with the misses in flight");
    assertTrue(c.cycles().tlb() >= walks / XT4.outstandingMisses());
  }
}
