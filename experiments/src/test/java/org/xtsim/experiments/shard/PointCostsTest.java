package org.xtsim.experiments.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed cost table is the fit of the committed reference results, and it predicts. */
class PointCostsTest {
  private static List<Path> committedResults() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("..", "results"))) {
      return dirs.map(d -> d.resolve("results.csv")).filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void shouldBeTheFitOfTheCommittedResults() throws IOException {
    List<PointCosts.Observation> all = new ArrayList<>();
    for (Path p : committedResults()) {
      all.addAll(PointCosts.observations(p));
    }
    assertTrue(all.size() > 100, "committed results: " + all.size() + " points");
    assertEquals(
        PointCosts.fit(all).format(List.of()),
        PointCosts.recorded().format(List.of()),
        "the committed point-costs.tsv is stale: run scripts/fit-point-costs.sh");
  }

  @Test
  void shouldPredictTheMainStudyWithinAFactorOfThreeInTotalPerWorkload() throws IOException {
    PointCosts costs = PointCosts.recorded();
    Path main = Path.of("..", "results", "redstorm-virtualization", "results.csv");
    java.util.Map<String, double[]> byWorkload = new java.util.TreeMap<>();
    for (PointCosts.Observation o : PointCosts.observations(main)) {
      double[] t = byWorkload.computeIfAbsent(o.workload(), w -> new double[2]);
      t[0] += o.wallSeconds();
      t[1] += costs.seconds(o.workload(), o.nodes());
    }
    byWorkload.forEach(
        (w, t) ->
            assertTrue(
                t[1] > t[0] / 3 && t[1] < t[0] * 3,
                w + ": recorded " + t[0] + " s, predicted " + t[1] + " s"));
  }

  @Test
  void shouldChargeAnUnknownWorkloadAtLeastAsMuchAsAnyKnownOne() {
    PointCosts costs = PointCosts.recorded();
    double unknown = costs.seconds("no-such-workload", 4096);
    for (String w : List.of("hpccg", "cth", "sage", "imb")) {
      assertTrue(unknown >= costs.seconds(w, 4096), w);
    }
  }

  @Test
  void shouldGrowWithNodes() {
    PointCosts costs = PointCosts.recorded();
    assertTrue(costs.seconds("hpccg", 4096) > costs.seconds("hpccg", 64));
  }
}
