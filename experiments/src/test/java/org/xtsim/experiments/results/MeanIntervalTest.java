package org.xtsim.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {
  @Test
  void shouldMatchAHandComputedStudentTInterval() {
    // 1, 2, 3, 4: mean 2.5, s = sqrt(5/3) = 1.290994, t(0.975; 3 df) = 3.182446 (tables),
    // half-width = 3.182446 * 1.290994 / sqrt(4) = 2.054260.
    MeanInterval i = MeanInterval.of(new double[] {1, 2, 3, 4});
    assertEquals(2.5, i.mean(), 1e-12);
    assertEquals(2.5 - 2.054260, i.low(), 1e-6);
    assertEquals(2.5 + 2.054260, i.high(), 1e-6);
    assertEquals(4, i.n());
    assertTrue(i.hasWidth());
  }

  @Test
  void shouldDrawNoIntervalForOneReplicateOrIdenticalOnes() {
    assertFalse(MeanInterval.of(new double[] {7}).hasWidth());
    assertEquals(7, MeanInterval.of(new double[] {7}).low());
    assertFalse(MeanInterval.of(new double[] {3, 3, 3}).hasWidth());
  }

  @Test
  void shouldScaleEveryValue() {
    MeanInterval i = MeanInterval.of(new double[] {1e6, 3e6}).scaled(1e-6);
    assertEquals(2, i.mean(), 1e-12);
    // t(0.975; 1 df) = 12.706205, s = 1.414214e6: half-width 12.706205e6 before scaling.
    assertEquals(2 - 12.706205, i.low(), 1e-5);
  }
}
