package org.xtsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How walk time and memory time overlap (NodeSpec#memoryWithTranslationCycles). */
class TranslationOverlapTest {
  private final NodeSpec xt4 = NodePresets.xt4();

  @Test
  void shouldShareWalkTimeAmongTheReferencesInFlightWhenMemoryBound() {
    assertEquals(4, xt4.outstandingMisses());
    assertEquals(1_000 + 400 / 4.0, xt4.memoryWithTranslationCycles(1_000, 400), 1e-9);
  }

  @Test
  void shouldTakeTheWalkTimeWhenTheWalkerIsTheBottleneck() {
    assertEquals(5_000, xt4.memoryWithTranslationCycles(1_000, 5_000), 1e-9);
  }

  @Test
  void shouldNeverBeLessThanEitherPartAndGrowWithEach() {
    double[] values = {0, 10, 300, 1_000, 40_000};
    for (double memory : values) {
      for (double walks : values) {
        double t = xt4.memoryWithTranslationCycles(memory, walks);
        assertTrue(t >= memory && t >= walks, memory + "/" + walks);
        assertTrue(xt4.memoryWithTranslationCycles(memory, walks + 1) >= t);
        assertTrue(xt4.memoryWithTranslationCycles(memory + 1, walks) >= t);
      }
    }
    assertEquals(777, xt4.memoryWithTranslationCycles(777, 0), 1e-9, "no walks, no cost");
  }

  @Test
  void shouldCarryTheFamily10hCacheLatenciesFromTheirSources() {
    CacheHierarchy c = xt4.caches();
    assertEquals(3, c.levels().size());
    assertEquals(3, c.levels().get(0).hitCycles());
    assertEquals(64L << 10, c.levels().get(0).bytes());
    assertEquals(512L << 10, c.levels().get(1).bytes());
    assertEquals(46, c.levels().get(2).hitCycles(), "21 ns at 2.2 GHz");
    assertEquals(2, NodePresets.xt3().caches().levels().size(), "K8 has no L3");
  }
}
