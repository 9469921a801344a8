package org.xtsim.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.Metric;
import org.xtsim.experiments.Metric.Better;

class OverheadCalculatorTest {
  static ResultRow row(
      String config,
      String baseline,
      int nodes,
      int replicate,
      String metric,
      double value,
      Better better) {
    return new ResultRow(
        "p/" + config + "/" + nodes + "/" + replicate,
        "f",
        "hpccg",
        config,
        baseline,
        nodes,
        "catamount",
        config.startsWith("native") ? "native" : "nested",
        "false",
        "none",
        "passthrough",
        replicate,
        1,
        Map.of("noise_pct", "0"),
        metric,
        value,
        "u",
        better,
        Double.NaN,
        0.5,
        10);
  }

  @Test
  void shouldComputeOverheadOfTimesAndOfRatesAgainstTheBaseline() {
    List<ResultRow> out =
        OverheadCalculator.apply(
            List.of(
                row("native", "native", 4, 0, "time", 10.0, Better.LOWER),
                row("native", "native", 4, 0, "mflops", 200.0, Better.HIGHER),
                row("nested", "native", 4, 0, "time", 10.5, Better.LOWER),
                row("nested", "native", 4, 0, "mflops", 200.0 / 1.05, Better.HIGHER)));
    assertEquals(0.0, out.get(0).overheadPct(), 1e-12);
    assertEquals(0.0, out.get(1).overheadPct(), 1e-12);
    assertEquals(5.0, out.get(2).overheadPct(), 1e-12);
    assertEquals(5.0, out.get(3).overheadPct(), 1e-12);
  }

  @Test
  void shouldCompareOnlyRowsOfTheSameNodesReplicateAndMetric() {
    List<ResultRow> out =
        OverheadCalculator.apply(
            List.of(
                row("native", "native", 4, 0, "time", 10.0, Better.LOWER),
                row("native", "native", 8, 0, "time", 20.0, Better.LOWER),
                row("native", "native", 8, 1, "time", 40.0, Better.LOWER),
                row("nested", "native", 8, 0, "time", 22.0, Better.LOWER),
                row("nested", "native", 8, 1, "time", 42.0, Better.LOWER),
                row("nested", "native", 16, 0, "time", 1.0, Better.LOWER)));
    assertEquals(10.0, out.get(3).overheadPct(), 1e-12);
    assertEquals(5.0, out.get(4).overheadPct(), 1e-12);
    assertTrue(Double.isNaN(out.get(5).overheadPct()), "no native run at 16 nodes");
  }

  @Test
  void shouldLeaveOverheadEmptyForNeutralMetricsAndMissingBaselines() {
    List<ResultRow> out =
        OverheadCalculator.apply(
            List.of(
                row("native", "native", 4, 0, "messages", 10.0, Better.NEITHER),
                row("nested", "native", 4, 0, "messages", 12.0, Better.NEITHER),
                row("nested", "", 4, 0, "time", 12.0, Better.LOWER)));
    out.forEach(r -> assertTrue(Double.isNaN(r.overheadPct()), r.toString()));
    assertEquals(-50.0, Metric.overheadPercent(5, 10, Better.LOWER), 1e-12);
    // A rate is a run-time increase: 35 % less throughput is 53.8 % more time, twice the rate
    // half the time.
    assertEquals(100.0 / 0.65 - 100, Metric.overheadPercent(65, 100, Better.HIGHER), 1e-9);
    assertEquals(-50.0, Metric.overheadPercent(20, 10, Better.HIGHER), 1e-12);
  }
}
