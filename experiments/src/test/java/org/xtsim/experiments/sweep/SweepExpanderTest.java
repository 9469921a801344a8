package org.xtsim.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.TestExperiments;

class SweepExpanderTest {
  private static final String BASE =
      String.join(
          "\n",
          "name: s",
          "seed: 5",
          "replicates: 2",
          "workloads: [hpccg, sage]",
          "configurations:",
          "  - {label: native, vmm: native}",
          "  - {label: nested, vmm: nested}",
          "  - {label: shadow, vmm: shadow}",
          "sweep:",
          "  nodes: [1, 8]",
          "  noise_frequency_hz: [10, 100, 1000]",
          "");

  private static Map<String, Long> seeds(List<RunPoint> points) {
    Map<String, Long> m = new HashMap<>();
    points.forEach(p -> m.put(p.id(), p.seed()));
    return m;
  }

  @Test
  void shouldExpandTheCartesianProductInAStableOrder() {
    List<RunPoint> points = SweepExpander.expand(TestExperiments.parse(BASE));
    assertEquals(2 * 2 * 3 * 3 * 2, points.size());
    assertEquals("hpccg/native/nodes=1/noise_frequency_hz=10/r0", points.get(0).id());
    assertEquals("hpccg/native/nodes=1/noise_frequency_hz=10/r1", points.get(1).id());
    assertEquals("hpccg/nested/nodes=1/noise_frequency_hz=10/r0", points.get(2).id());
    assertEquals("hpccg/native/nodes=1/noise_frequency_hz=100/r0", points.get(6).id());
    assertEquals("hpccg/native/nodes=8/noise_frequency_hz=10/r0", points.get(18).id());
    assertEquals("sage/native/nodes=1/noise_frequency_hz=10/r0", points.get(36).id());
    assertEquals(8, points.get(18).nodes());
    assertEquals(100.0, points.get(6).settings().get("noise_frequency_hz"));
    assertEquals(points.size(), new HashSet<>(points.stream().map(RunPoint::id).toList()).size());
    assertEquals(
        points.stream().map(RunPoint::id).toList(),
        SweepExpander.expand(TestExperiments.parse(BASE)).stream().map(RunPoint::id).toList());
  }

  @Test
  void shouldKeepEverySeedWhenPointsAreAdded() {
    Map<String, Long> before = seeds(SweepExpander.expand(TestExperiments.parse(BASE)));
    String more =
        BASE.replace("[1, 8]", "[1, 2, 8, 64]")
            .replace("replicates: 2", "replicates: 3")
            .replace("workloads: [hpccg, sage]", "workloads: [cth, hpccg, sage]")
            .replace("[10, 100, 1000]", "[1, 10, 100, 1000]");
    Map<String, Long> after = seeds(SweepExpander.expand(TestExperiments.parse(more)));
    assertEquals(4 * 3 * 4 * 3 * 3, after.size());
    before.forEach((id, seed) -> assertEquals(seed, after.get(id), id));
  }

  @Test
  void shouldGiveEveryConfigurationOfAPointTheSameSeedAndOtherPointsOtherSeeds() {
    List<RunPoint> points = SweepExpander.expand(TestExperiments.parse(BASE));
    Map<String, Long> byPairedKey = new HashMap<>();
    Set<Long> distinct = new HashSet<>();
    for (RunPoint p : points) {
      String key = p.workload() + "/" + p.nodes() + "/r" + p.replicate();
      Long previous = byPairedKey.putIfAbsent(key, p.seed());
      if (previous != null) {
        assertEquals(previous, p.seed(), p.id());
      }
      distinct.add(p.seed());
    }
    assertEquals(2 * 2 * 2, distinct.size(), "workload x nodes x replicate");
  }

  @Test
  void shouldPairTheSeedsOfPointsThatDifferOnlyInHowTheModelIsEvaluated() {
    String text =
        BASE.replace("  noise_frequency_hz: [10, 100, 1000]", "")
            + "  machine.collective_timing: [messages, dataflow]\n"
            + "  machine.link_contention: [true, false]\n";
    List<RunPoint> points = SweepExpander.expand(TestExperiments.parse(text));
    Map<String, Long> byMachine = new HashMap<>();
    Set<Long> distinct = new HashSet<>();
    for (RunPoint p : points) {
      String key =
          p.workload()
              + "/"
              + p.nodes()
              + "/r"
              + p.replicate()
              + "/"
              + p.machine().get("link_contention");
      Long previous = byMachine.putIfAbsent(key, p.seed());
      if (previous != null) {
        assertEquals(previous, p.seed(), p.id());
      }
      distinct.add(p.seed());
    }
    // Link contention changes the machine, so the seed; collective timing does not.
    assertEquals(2 * 2 * 2 * 2, distinct.size(), "workload x nodes x replicate x contention");
  }

  @Test
  void shouldDeriveOtherSeedsFromAnotherBaseSeed() {
    Map<String, Long> a = seeds(SweepExpander.expand(TestExperiments.parse(BASE)));
    Map<String, Long> b =
        seeds(SweepExpander.expand(TestExperiments.parse(BASE.replace("seed: 5", "seed: 6"))));
    a.forEach((id, seed) -> assertNotEquals(seed, b.get(id), id));
  }

  @Test
  void shouldPutSweptParametersIntoThePoint() {
    String text =
        BASE.replace("workloads: [hpccg, sage]", "workloads: [hpccg]")
            .replace("  noise_frequency_hz: [10, 100, 1000]", "  params.nz: [10, 20]");
    List<RunPoint> points = SweepExpander.expand(TestExperiments.parse(text));
    assertEquals(10L, points.get(0).get("params.nz"));
    assertEquals(20L, points.get(2 * 3).get("params.nz"));
    assertEquals(100L, points.get(0).get("params.nx"), "declared default");
    assertNotEquals(points.get(0).seed(), points.get(6).seed(), "a workload parameter is identity");
  }

  @Test
  void shouldHashTextStablyAcrossVersions() {
    // FNV-1a 64 test vectors (Fowler, Noll, Vo).
    assertEquals(0xcbf29ce484222325L, PointSeeds.fnv1a(""));
    assertEquals(0xaf63dc4c8601ec8cL, PointSeeds.fnv1a("a"));
    assertEquals(0x85944171f73967e8L, PointSeeds.fnv1a("foobar"));
  }
}
