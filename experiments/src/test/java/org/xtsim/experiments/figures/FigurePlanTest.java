package org.xtsim.experiments.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FigurePlanTest {
  private record Item(String config, String guest, Map<String, String> axes) {}

  private static final FigurePlan<Item> PLAN =
      new FigurePlan<>(Item::guest, (item, axis) -> item.axes().get(axis), Item::config);

  private static List<Item> items(int configs, List<String> guests, int sizes, int rates) {
    List<Item> out = new ArrayList<>();
    for (String g : guests) {
      for (int c = 0; c < configs; c++) {
        for (int s = 0; s < sizes; s++) {
          for (int r = 0; r < rates; r++) {
            out.add(
                new Item(
                    "c" + c + "-" + g,
                    g,
                    Map.of("params.size", "" + s, "rate", "" + r, "fixed", "1")));
          }
        }
      }
    }
    return out;
  }

  @Test
  void shouldMakeOnePanelPerGuestAndVaryingValue() {
    List<FigurePlan.Page<Item>> pages =
        PLAN.pages(items(3, List.of("cat", "cnl"), 2, 1), List.of("params.size", "fixed"));
    assertEquals(1, pages.size());
    List<FigurePlan.Facet<Item>> facets = pages.get(0).facets();
    assertEquals(
        List.of(
            "guest = cat, size = 0",
            "guest = cat, size = 1",
            "guest = cnl, size = 0",
            "guest = cnl, size = 1"),
        facets.stream().map(FigurePlan.Facet::title).toList());
    assertEquals("cnl", facets.get(2).guest());
    assertEquals(3, facets.get(0).items().size(), "one row per configuration");
  }

  @Test
  void shouldKeepOnePanelWhenNothingVaries() {
    List<FigurePlan.Page<Item>> pages =
        PLAN.pages(items(5, List.of("cnl"), 1, 1), List.of("fixed"));
    assertEquals(1, pages.get(0).facets().size());
    assertEquals("", pages.get(0).facets().get(0).title());
    assertEquals("", pages.get(0).facets().get(0).guest());
  }

  @Test
  void shouldSplitIntoOneFigurePerValueOfTheOutermostAxisBeyondFourPanels() {
    List<FigurePlan.Page<Item>> pages =
        PLAN.pages(items(2, List.of("cnl"), 3, 2), List.of("params.size", "rate"));
    assertEquals(3, pages.size(), "3 x 2 = 6 panels: one figure per size");
    assertEquals("-size=0", pages.get(0).suffix());
    assertEquals(" (size=0)", pages.get(0).caption());
    assertEquals(1, pages.get(0).facets().size(), "2 configurations x 2 rates: curves, not panels");
    assertEquals("rate", pages.get(0).seriesAxis());
  }

  @Test
  void shouldDrawTheValuesOfTheOnlyVaryingAxisAsCurvesOfOnePanel() {
    List<FigurePlan.Page<Item>> pages = PLAN.pages(items(1, List.of("cnl"), 1, 5), List.of("rate"));
    assertEquals(1, pages.size(), "one figure for 5 noise frequencies, as the study compares them");
    assertEquals(1, pages.get(0).facets().size());
    assertEquals("rate", pages.get(0).seriesAxis());
    List<FigurePlan.Page<Item>> many = PLAN.pages(items(3, List.of("cnl"), 1, 5), List.of("rate"));
    assertEquals("", many.get(0).seriesAxis(), "15 curves: panels instead");
  }

  @Test
  void shouldLabelCurvesWithoutTheGuestThatThePanelNames() {
    Set<String> configs =
        new LinkedHashSet<>(List.of("native-cnl", "nested-large-cnl-uncontrolled"));
    assertEquals(
        List.of("native", "nested-large-uncontrolled"), XyFigure.legendLabels(configs, "cnl"));
    assertEquals(List.of("native"), XyFigure.legendLabels(Set.of("native"), ""));
    assertEquals(
        List.of("cnl"), XyFigure.legendLabels(Set.of("cnl"), "cnl"), "never an empty label");
  }
}
