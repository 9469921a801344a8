package org.xtsim.node.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xtsim.engine.SimTime;

class DurationDistributionTest {
  /** The mean of {@code d} by midpoint quadrature of its quantile function over n strata. */
  private static double quantileMean(DurationDistribution d, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += d.sample((i + 0.5) / n);
    }
    return sum / n;
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.5, 2.0, 2.5, 4.0})
  void shouldGiveHeavyTailedDurationsTheStatedMean(double tailIndex) {
    long mean = SimTime.us(50);
    DurationDistribution d = DurationDistribution.pareto(mean, tailIndex);
    assertEquals(mean, d.exactMeanPs(), 1e-6 * mean, "commons-math3's mean of the law");
    // The quadrature misses the tail beyond the last stratum: ~ n^(1/alpha - 1) of the mean.
    int n = 2_000_000;
    double tolerance = 2 * Math.pow(n, 1 / tailIndex - 1);
    assertEquals(mean, quantileMean(d, n), tolerance * mean, "mean of the draws");
  }

  @Test
  void shouldDrawFromTheParetoLawOfCommonsMath() {
    DurationDistribution d = DurationDistribution.pareto(SimTime.us(50), 2.0);
    SplitMixRandom r = new SplitMixRandom(7, 0);
    double[] draws = new double[20_000];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = d.sample(r.nextDouble());
    }
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(d.law(), draws);
    assertTrue(p > 0.01, "draws follow the law, p = " + p);
  }

  @Test
  void shouldHaveAHeavierTailThanAnExponentialOfTheSameMean() {
    long mean = SimTime.us(50);
    DurationDistribution pareto = DurationDistribution.pareto(mean, 2.0);
    DurationDistribution exp = DurationDistribution.exponential(mean);
    double u = 1 - 1e-6; // one draw in a million
    assertTrue(pareto.sample(u) > 10 * exp.sample(u), pareto.sample(u) + " vs " + exp.sample(u));
  }

  @Test
  void shouldAddTheFixedPartToEveryDrawAndToTheMean() {
    DurationDistribution d = DurationDistribution.exponential(SimTime.us(10)).plus(SimTime.us(3));
    assertEquals(SimTime.us(13), d.meanPs());
    assertEquals(SimTime.us(3), d.sample(0));
    assertEquals(SimTime.us(3), DurationDistribution.fixed(SimTime.us(3)).sample(0.9));
  }

  @Test
  void shouldRejectATailWithoutAFiniteMean() {
    assertThrows(IllegalArgumentException.class, () -> DurationDistribution.pareto(10, 1.0));
  }
}
