package org.xtsim.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.spec.ExperimentParser;

/**
 * The seeds of the main study's points are those its committed reference outputs were made with:
 * renaming keys, typing values and writing units must not move a seed (and with it every noisy
 * result).
 */
class ReferenceSeedsTest {
  @Test
  void shouldDeriveTheSeedsOfTheCommittedMainStudy() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("..", "results", "redstorm-virtualization", "results.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    int point = header.indexOf("point");
    int seed = header.indexOf("seed");
    Map<String, Long> committed = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      committed.put(cells[point], Long.parseLong(cells[seed]));
    }
    List<RunPoint> points =
        SweepExpander.expand(
            new ExperimentParser(ModelRegistry.standard())
                .parse(Path.of("redstorm-virtualization.yaml")));
    assertEquals(committed.size(), points.size());
    for (RunPoint p : points) {
      assertTrue(committed.containsKey(p.id()), p.id());
      assertEquals(committed.get(p.id()), p.seed(), p.id());
    }
  }

  @Test
  void shouldGiveTheSameSeedWhateverTheSpellingOfAValue() {
    String base =
        String.join(
            "\n",
            "name: s",
            "workloads: [{name: memory-pressure, params: {footprint: FOOT}}]",
            "configurations: [{label: n, vmm: native}]",
            "sweep: {nodes: [1]}",
            "");
    ExperimentParser parser = new ExperimentParser(ModelRegistry.standard());
    long gib = SweepExpander.expand(parser.parse("a", base.replace("FOOT", "1GiB"))).get(0).seed();
    long mib =
        SweepExpander.expand(parser.parse("b", base.replace("FOOT", "1024MiB"))).get(0).seed();
    long other =
        SweepExpander.expand(parser.parse("c", base.replace("FOOT", "2GiB"))).get(0).seed();
    assertEquals(gib, mib);
    assertTrue(gib != other);
  }
}
