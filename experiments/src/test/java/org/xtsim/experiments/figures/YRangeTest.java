package org.xtsim.experiments.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.results.MeanInterval;

class YRangeTest {
  private static Figure.Curve flat(String name, double... ys) {
    List<Figure.Point> points = new ArrayList<>();
    for (int i = 0; i < ys.length; i++) {
      points.add(new Figure.Point(1 << i, MeanInterval.of(new double[] {ys[i]})));
    }
    return new Figure.Curve(name, name, points);
  }

  @Test
  void shouldBreakTheAxisWhenSmallOverheadsWouldBeAFlatLineUnderALargeOne() {
    List<Figure.Curve> hpccgCnl =
        List.of(
            flat("nested", 0.72, 0.68),
            flat("nested-large", 0.14, 0.09),
            flat("shadow", 35.5, 35.3),
            flat("uncontrolled", 0.12, 0.18));
    YRange r = YRange.choose(hpccgCnl, true);
    assertEquals(YRange.Kind.BROKEN, r.kind());
    double[] top = r.segments().get(0);
    double[] bottom = r.segments().get(1);
    assertTrue(top[0] > 30 && top[1] < 40, "the large overhead alone on top");
    assertTrue(bottom[0] <= 0 && bottom[1] < 1, "zero and the small ones below");
    assertEquals(List.of(1, 3), r.weights());
  }

  @Test
  void shouldUseALogAxisForPositiveValuesOverManyDecades() {
    List<Figure.Curve> curves =
        List.of(flat("a", 0.3, 3, 30), flat("b", 50, 100, 200), flat("c", 300, 600, 970));
    assertEquals(YRange.Kind.LOG, YRange.choose(curves, true).kind(), "no gap: spread evenly");
    List<Figure.Curve> times = List.of(flat("native", 0.4, 0.4), flat("swap", 10, 11));
    assertEquals(
        YRange.Kind.LOG,
        YRange.choose(List.of(times.get(0), times.get(1), flat("x", 25000, 25100)), false).kind(),
        "quantities over decades: log even with a gap");
  }

  @Test
  void shouldStayLinearWhenOneAxisShowsEverything() {
    List<Figure.Curve> curves =
        List.of(flat("a", 1.27, 1.22), flat("b", 0.69, 0.64), flat("c", 0.1, 0.05));
    assertEquals(YRange.Kind.LINEAR, YRange.choose(curves, true).kind());
    assertEquals(
        YRange.Kind.LINEAR,
        YRange.choose(List.of(flat("a", 35, 35.2), flat("b", -0.1, 0.2)), true).kind(),
        "one curve per cluster: nothing squashed");
  }

  @Test
  void shouldFindCurvesThatCoincide() {
    Figure.Panel panel =
        new Figure.Panel(
            "",
            List.of(
                flat("shadow", 35.5, 35.3),
                flat("shadow-large", 35.5, 35.3),
                flat("nested", 0.7, 0.6)));
    YRange r = YRange.choose(panel.curves(), true);
    assertEquals(List.of(List.of("shadow", "shadow-large")), CoincidentCurves.find(panel, r));
  }
}
