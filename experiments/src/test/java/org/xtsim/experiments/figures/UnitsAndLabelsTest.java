package org.xtsim.experiments.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.Metric;
import org.xtsim.experiments.results.ResultRow;

class UnitsAndLabelsTest {
  @Test
  void shouldChooseTheSiPrefixFromTheRangeOfTheData() {
    assertEquals(new UnitScale("ms", 1e-6), UnitScale.choose("ns", 1.3e8));
    assertEquals(new UnitScale("µs", 1e-3), UnitScale.choose("ns", 45_000));
    assertEquals(new UnitScale("ns", 1), UnitScale.choose("ns", 800));
    assertEquals(new UnitScale("GFLOPS", 1e-3), UnitScale.choose("MFLOPS", 2100));
    assertEquals(new UnitScale("MFLOPS", 1), UnitScale.choose("MFLOPS", 438));
    assertEquals(new UnitScale("µs", 1e6), UnitScale.choose("s", 5e-4));
    assertEquals(new UnitScale("µs", 1), UnitScale.choose("us", 12));
    assertEquals(new UnitScale("s", 1), UnitScale.choose("s", 3600), "no kiloseconds");
    assertEquals(new UnitScale("GB/s", 1e-3), UnitScale.choose("MB/s", 1500));
    assertEquals(UnitScale.identity("exits"), UnitScale.choose("exits", 1e7));
    assertEquals(UnitScale.identity("%"), UnitScale.choose("%", 35));
  }

  @Test
  void shouldLabelAxesFromTheMetricsDeclaration() {
    assertEquals("MFLOPS per node", AxisLabels.metric("mflops_per_node", "MFLOPS", "MFLOPS"));
    assertEquals("GFLOPS per node", AxisLabels.metric("mflops_per_node", "MFLOPS", "GFLOPS"));
    assertEquals("run time (s)", AxisLabels.metric("run_time", "s", "s"));
    assertEquals("iteration time (ms)", AxisLabels.metric("iteration_time", "ns", "ms"));
    assertEquals("tlb cycles (%)", AxisLabels.metric("tlb_cycles_pct", "%", "%"));
    assertEquals("run time", AxisLabels.quantity("run_time", "s", "s"));
    assertEquals("higher is better", AxisLabels.better(Metric.Better.HIGHER));
    assertEquals("page table updates per s", AxisLabels.axis("params.page_table_updates_per_s"));
  }

  @Test
  void shouldNameTheBaselineOfAnOverheadAxis() {
    Map<String, ResultRow> configs = new LinkedHashMap<>();
    MainStudy.rows().forEach(r -> configs.putIfAbsent(r.config(), r));
    List<ResultRow> compared = new ArrayList<>();
    for (ResultRow r : MainStudy.rows()) {
      if (r.metric().equals("run_time") && !r.baseline().equals(r.config())) {
        compared.add(r);
      }
    }
    assertEquals(
        "run-time overhead vs native, same guest (%)", AxisLabels.overhead(compared, configs));
    List<ResultRow> catamount =
        compared.stream().filter(r -> r.guest().equals("catamount")).toList();
    assertEquals(
        "run-time overhead vs native-catamount (%)", AxisLabels.overhead(catamount, configs));
  }

  @Test
  void shouldLabelTheMainStudysFiguresFromItsResults() {
    Map<String, Figure> byName = new LinkedHashMap<>();
    Figures.figures(MainStudy.rows(), MainStudy.distributions())
        .forEach(f -> byName.put(f.name(), f));
    assertEquals("MFLOPS per node", byName.get("scaling-hpccg").yLabel());
    assertEquals("run time (s)", byName.get("scaling-cth").yLabel());
    assertEquals(
        "run-time overhead vs native, same guest (%)", byName.get("overhead-sage").yLabel());
    assertEquals("iteration time (ms)", byName.get("distribution-hpccg-iteration_time").yLabel());
    assertEquals("nodes", byName.get("scaling-hpccg").x().label());
    assertEquals(Figure.XKind.LOG2, byName.get("scaling-hpccg").x().kind());
    assertEquals(
        List.of("guest = catamount", "guest = cnl"),
        byName.get("overhead-hpccg").panels().stream().map(Figure.Panel::title).toList());
  }
}
