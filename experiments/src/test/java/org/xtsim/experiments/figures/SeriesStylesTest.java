package org.xtsim.experiments.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesStylesTest {
  @Test
  void shouldGiveNoTwoSeriesOfAnyMainStudyFigureTheSameColourMarkerAndDash() {
    SeriesStyles styles = new SeriesStyles(Configuration.of(MainStudy.rows()));
    List<Figure> figures = Figures.figures(MainStudy.rows(), MainStudy.distributions());
    assertEquals(9, figures.size(), "scaling, overhead and distribution of 3 workloads");
    for (Figure f : figures) {
      Set<String> configs = new HashSet<>();
      Set<SeriesStyle> seen = new HashSet<>();
      for (Figure.Panel p : f.panels()) {
        for (Figure.Curve c : p.curves()) {
          if (configs.add(c.config())) {
            assertTrue(seen.add(styles.of(c.config())), f.name() + ": " + c.config());
          }
        }
      }
      assertTrue(configs.size() >= 10, f.name() + " shows every configuration");
    }
  }

  @Test
  void shouldColourByPagingModeMarkByHostSettingsAndDashByGuest() {
    SeriesStyles styles = new SeriesStyles(Configuration.of(MainStudy.rows()));
    SeriesStyle nestedLargeCat = styles.of("nested-large-catamount");
    SeriesStyle nestedLargeCnl = styles.of("nested-large-cnl");
    SeriesStyle uncontrolled = styles.of("nested-large-catamount-uncontrolled");
    SeriesStyle shadowLargeCat = styles.of("shadow-large-catamount");
    assertEquals(nestedLargeCat.colour(), nestedLargeCnl.colour(), "same paging mode");
    assertEquals(nestedLargeCat.marker(), nestedLargeCnl.marker(), "same host settings");
    assertNotEquals(nestedLargeCat.dash(), nestedLargeCnl.dash(), "other guest");
    assertEquals(nestedLargeCat.colour(), uncontrolled.colour(), "same paging mode");
    assertNotEquals(nestedLargeCat.marker(), uncontrolled.marker(), "other preemption");
    assertNotEquals(nestedLargeCat.marker(), shadowLargeCat.marker(), "coinciding lines differ");
    assertEquals(nestedLargeCat, styles.of("nested-large-catamount"), "stable");
  }

  @Test
  void shouldKeepStylesDistinctWhenConfigurationsAgreeOnEverythingDrawn() {
    List<Configuration> same = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      same.add(new Configuration("c" + i, "cnl", "shadow", "shadow, controlled", "native"));
    }
    SeriesStyles styles = new SeriesStyles(same);
    Set<SeriesStyle> seen = new HashSet<>();
    for (String name : styles.names()) {
      assertTrue(seen.add(styles.of(name)), name);
    }
    assertEquals(256, seen.size());
    assertEquals(styles.of("c0").colour(), styles.of("c1").colour(), "a variant keeps its hue");
  }
}
