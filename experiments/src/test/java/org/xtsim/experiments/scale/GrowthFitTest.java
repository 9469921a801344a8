package org.xtsim.experiments.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrowthFitTest {
  @Test
  void shouldRecoverTheExponentAndCoefficientOfAPowerLaw() {
    double[] ns = {1024, 4096, 16384, 65536, 131072};
    double[] ys = new double[ns.length];
    for (int i = 0; i < ns.length; i++) {
      ys[i] = 3e-4 * Math.pow(ns[i], 1.1);
    }
    GrowthFit fit = GrowthFit.fit(ns, ys);
    assertEquals(1.1, fit.exponent(), 1e-12);
    assertEquals(3e-4, fit.coefficient(), 1e-15);
  }

  @Test
  void shouldFitNLogNBetweenOneAndItsLocalSlope() {
    double[] ns = {1024, 4096, 16384};
    double[] ys = new double[ns.length];
    for (int i = 0; i < ns.length; i++) {
      ys[i] = ns[i] * Math.log(ns[i]);
    }
    double b = GrowthFit.fit(ns, ys).exponent();
    // d log(n log n) / d log n = 1 + 1/ln n: 1.144 at 1,024, 1.103 at 16,384.
    assertTrue(b > 1.10 && b < 1.15, "exponent " + b);
  }

  @Test
  void shouldHaveNoExponentFromOnePointAndRefuseNonPositiveValues() {
    assertTrue(Double.isNaN(GrowthFit.fit(new double[] {8}, new double[] {2}).exponent()));
    assertThrows(
        IllegalArgumentException.class,
        () -> GrowthFit.fit(new double[] {1, 2}, new double[] {1, 0}));
    assertThrows(
        IllegalArgumentException.class, () -> GrowthFit.fit(new double[] {1, 2}, new double[] {1}));
  }
}
