package org.xtsim.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.RunPoint;

class ProgressReporterTest {
  private long now;

  private static RunPoint point(String id, int nodes) {
    return new RunPoint(id, "hpccg", "native", nodes, 0, 1, Map.of(), Map.of(), Map.of(), Map.of());
  }

  @Test
  void shouldEstimateTheRemainingTimeFromNodeWeightedWorkDone() {
    StringWriter text = new StringWriter();
    ProgressReporter p =
        new ProgressReporter(new PrintWriter(text), () -> now, 1_000_000_000L, 3, 1 + 1 + 2);
    p.started(point("a", 1));
    now = 10_000_000_000L;
    p.finished();
    p.started(point("b", 1));
    p.fractionDone(0.0);
    // 1 of 4 node-weights done in 10 s: 30 s to go; with b done too, 2 of 4: 10 s to go.
    assertEquals("xtsim run: 1/3 points, b at 0%, elapsed 10s, ETA 30s", p.line(now));
    p.fractionDone(1.0);
    assertEquals("xtsim run: 1/3 points, b at 100%, elapsed 10s, ETA 10s", p.line(now));
    List<String> lines = text.toString().lines().toList();
    assertTrue(lines.size() >= 1, text.toString());
  }

  @Test
  void shouldStayQuietForShortSweeps() {
    StringWriter text = new StringWriter();
    ProgressReporter p =
        new ProgressReporter(new PrintWriter(text), () -> now, 2_000_000_000L, 2, 2);
    p.started(point("a", 1));
    now = 1_000_000_000L;
    p.finished();
    p.started(point("b", 1));
    now = 1_500_000_000L;
    p.finished();
    assertEquals("", text.toString());
  }

  @Test
  void shouldFormatDurationsForHumans() {
    assertEquals("42s", ProgressReporter.duration(42.2));
    assertEquals("3m07s", ProgressReporter.duration(187));
    assertEquals("1h02m", ProgressReporter.duration(3725));
  }
}
