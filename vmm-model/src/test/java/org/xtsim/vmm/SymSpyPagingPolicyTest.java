package org.xtsim.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.node.NodePresets;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.node.PageTableActivity;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.node.os.OsPersonality;
import org.xtsim.params.ParamValues;
import org.xtsim.vmm.tlb.CalibrationCache;

class SymSpyPagingPolicyTest {
  private static final CalibrationCache CACHE = new CalibrationCache(1 << 16);
  private static final NodeSpec XT4 = NodePresets.xt4();
  private static final AccessPattern RANDOM_256M = AccessPattern.of(AccessKind.RANDOM, 256L << 20);

  private static ComputePhase phase(AccessPattern pattern, double cr3PerSecond) {
    return new ComputePhase(1e8, 8e8, 1e8, pattern, new PageTableActivity(cr3PerSecond, 0, 0, 0));
  }

  private static NodeCostModel model(OsPersonality guest, VmmConfig vmm) {
    return NodeCostModel.calibrate(XT4, guest, vmm, CACHE);
  }

  @Test
  void shouldChooseShadowOnlyForFewUpdatesAndManyMisses() {
    SymSpyPagingPolicy p = new SymSpyPagingPolicy(100, 1e5);
    assertEquals(PagingMode.SHADOW, p.choose(new SymSpyObservation(60, 40, 1e5)));
    assertEquals(PagingMode.NESTED, p.choose(new SymSpyObservation(60, 41, 1e6)), "too many");
    assertEquals(PagingMode.NESTED, p.choose(new SymSpyObservation(0, 0, 9.9e4)), "few misses");
    assertThrows(IllegalArgumentException.class, () -> new SymSpyPagingPolicy(-1, 0));
  }

  @Test
  void shouldRunACatamountLikeGuestUnderShadowPaging() {
    // Catamount never writes CR3 or its page tables; a random sweep of 256 MiB misses the TLB.
    NodeCostModel m = model(OsPersonalities.catamount(), VmmConfig.automatic(PageSize.SIZE_4K));
    ComputePhase p = phase(RANDOM_256M, 0);
    SymSpyObservation seen = m.observe(p);
    assertEquals(0, seen.updatesPerSecond(), 0);
    assertTrue(seen.tlbMissesPerSecond() > SymSpyPagingPolicy.DEFAULT_MIN_TLB_MISSES_PER_SECOND);
    PhaseCost c = m.cost(p);
    assertEquals(PagingMode.SHADOW, c.mode());
    assertEquals(1, c.symSpyReads(), 0);
  }

  @Test
  void shouldRunACnlLikeGuestThatSwitchesOftenUnderNestedPaging() {
    // CNL's own 20 switches a second plus an application switching 1,000 times a second.
    NodeCostModel m =
        model(OsPersonalities.computeNodeLinux(), VmmConfig.automatic(PageSize.SIZE_4K));
    ComputePhase p = phase(RANDOM_256M, 1_000);
    assertTrue(m.observe(p).cr3WritesPerSecond() > 500, "observed per second of the phase");
    assertEquals(PagingMode.NESTED, m.cost(p).mode());
  }

  @Test
  void shouldNeverBeatTheOracleByMoreThanRounding() {
    AccessPattern[] patterns = {
      RANDOM_256M,
      AccessPattern.of(AccessKind.STENCIL, 64L << 20),
      AccessPattern.of(AccessKind.SEQUENTIAL, 1L << 30)
    };
    OsPersonality[] guests = {OsPersonalities.catamount(), OsPersonalities.computeNodeLinux()};
    for (OsPersonality guest : guests) {
      for (PageSize host : new PageSize[] {PageSize.SIZE_4K, PageSize.SIZE_2M}) {
        NodeCostModel auto = model(guest, VmmConfig.automatic(host));
        NodeCostModel oracle = model(guest, VmmConfig.automaticOracle(host));
        for (AccessPattern pattern : patterns) {
          for (double cr3 : new double[] {0, 10, 100, 1_000, 10_000}) {
            ComputePhase p = phase(pattern, cr3);
            double a = auto.cost(p).cycles().total();
            double o = oracle.cost(p).cycles().total();
            assertTrue(a >= o * (1 - 1e-12), guest.name() + " " + pattern + " " + cr3);
          }
        }
      }
    }
  }

  @Test
  void shouldAcceptBothAutomaticModesAndThePolicyThresholdsAsConfigurationKeys() {
    ParamValues v =
        ParamValues.parse(
            VmmParams.ALL,
            Map.of(
                "vmm", "automatic",
                "automatic_max_updates_hz", "1kHz",
                "automatic_min_tlb_misses_hz", 5_000));
    VmmConfig vmm = VmmParams.config(v, XT4.clockHz());
    assertEquals(PagingMode.AUTOMATIC, vmm.mode());
    assertEquals(new SymSpyPagingPolicy(1_000, 5_000), vmm.pagingPolicy());
    VmmConfig oracle =
        VmmParams.config(
            ParamValues.parse(VmmParams.ALL, Map.of("vmm", "automatic-oracle")), XT4.clockHz());
    assertEquals(PagingMode.AUTOMATIC_ORACLE, oracle.mode());
    assertEquals(SymSpyPagingPolicy.DEFAULTS, oracle.pagingPolicy());
  }
}
