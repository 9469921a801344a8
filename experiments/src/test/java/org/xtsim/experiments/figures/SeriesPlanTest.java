package org.xtsim.experiments.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesPlanTest {
  private record Item(String config, Map<String, String> axes) {}

  private static final SeriesPlan<Item> PLAN =
      new SeriesPlan<>(Item::config, (item, axis) -> item.axes().get(axis));

  private static List<Item> items(int configs, int sizes, int rates) {
    List<Item> out = new ArrayList<>();
    for (int c = 0; c < configs; c++) {
      for (int s = 0; s < sizes; s++) {
        for (int r = 0; r < rates; r++) {
          out.add(
              new Item(
                  "c" + c,
                  Map.of(
                      "params.size",
                      Integer.toString(s),
                      "rate",
                      Integer.toString(r),
                      "fixed",
                      "1")));
        }
      }
    }
    return out;
  }

  @Test
  void shouldKeepOneFigureWithASeriesPerConfigurationAndVaryingValue() {
    List<SeriesPlan.Panel<Item>> panels =
        PLAN.panels(items(3, 3, 1), List.of("params.size", "rate", "fixed"));
    assertEquals(1, panels.size());
    assertEquals("", panels.get(0).suffix());
    assertEquals(List.of("params.size"), panels.get(0).seriesAxes(), "only axes that vary");
    assertEquals(
        "c1, size=2", PLAN.seriesName(panels.get(0).items().get(5), panels.get(0).seriesAxes()));
  }

  @Test
  void shouldSplitIntoOneFigurePerValueOfTheOutermostAxisBeyondTenSeries() {
    List<SeriesPlan.Panel<Item>> panels =
        PLAN.panels(items(4, 3, 2), List.of("params.size", "rate"));
    assertEquals(3, panels.size(), "4 x 3 x 2 = 24 series: one figure per size, 8 series each");
    assertEquals("-size=0", panels.get(0).suffix());
    assertEquals(" (size=0)", panels.get(0).caption());
    assertEquals(List.of("rate"), panels.get(0).seriesAxes());
    assertEquals(8, panels.get(0).items().size());
  }

  @Test
  void shouldSplitRecursivelyWhileTooManySeriesRemain() {
    List<SeriesPlan.Panel<Item>> panels =
        PLAN.panels(items(11, 2, 2), List.of("params.size", "rate"));
    assertEquals(4, panels.size(), "11 configurations stay together; size and rate split");
    assertEquals("-size=1-rate=0", panels.get(2).suffix());
    assertEquals(" (size=1, rate=0)", panels.get(2).caption());
  }
}
