package org.xtsim.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xtsim.experiments.results.OverheadCalculatorTest.row;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.Metric.Better;

/** The replicate intervals of results.csv: t intervals of the value and of the paired overhead. */
class ReplicateIntervalsTest {
  @Test
  void shouldGiveEachGroupTheTIntervalOfItsReplicatesAndThePairedOverheadInterval() {
    List<ResultRow> out =
        ReplicateIntervals.derive(
            List.of(
                row("native", "native", 4, 0, "time", 10.0, Better.LOWER),
                row("native", "native", 4, 1, "time", 12.0, Better.LOWER),
                row("native", "native", 4, 2, "time", 14.0, Better.LOWER),
                row("nested", "native", 4, 0, "time", 11.0, Better.LOWER),
                row("nested", "native", 4, 1, "time", 13.2, Better.LOWER),
                row("nested", "native", 4, 2, "time", 15.4, Better.LOWER)));
    // native: mean 12, s = 2, t(0.975, 2) = 4.302653; half = 4.302653 * 2 / sqrt(3)
    double half = 4.302652729749464 * 2 / Math.sqrt(3);
    for (int i = 0; i < 3; i++) {
      assertEquals(12 - half, out.get(i).valueCi95().low(), 1e-9);
      assertEquals(12 + half, out.get(i).valueCi95().high(), 1e-9);
    }
    // nested is 10 % slower in every replicate: the paired overhead interval has no width
    for (int i = 3; i < 6; i++) {
      assertEquals(10.0, out.get(i).overheadCi95().low(), 1e-9);
      assertEquals(10.0, out.get(i).overheadCi95().high(), 1e-9);
    }
  }

  @Test
  void shouldGiveNoIntervalToOneReplicateAndRoundTripThroughTheCsv() throws Exception {
    List<ResultRow> out =
        ReplicateIntervals.derive(
            List.of(
                row("native", "native", 4, 0, "time", 10.0, Better.LOWER),
                row("nested", "native", 4, 0, "time", 11.0, Better.LOWER)));
    assertTrue(Double.isNaN(out.get(1).valueCi95().low()));
    assertTrue(Double.isNaN(out.get(1).overheadCi95().high()));
    java.nio.file.Path f = java.nio.file.Files.createTempFile("results", ".csv");
    try {
      java.nio.file.Files.writeString(f, ResultsCsv.format(out, List.of("noise_pct")));
      assertEquals(out, ResultsCsv.read(f));
    } finally {
      java.nio.file.Files.delete(f);
    }
  }
}
