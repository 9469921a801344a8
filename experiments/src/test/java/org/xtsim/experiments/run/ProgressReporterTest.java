package org.xtsim.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.sweep.SweepExpander;

class ProgressReporterTest {
  private static final long SECOND = 1_000_000_000L;

  private long now;

  private static RunPoint point(String id, int nodes) {
    return new RunPoint(id, "hpccg", "native", nodes, 0, 1, Map.of(), Map.of(), Map.of(), Map.of());
  }

  private ProgressReporter reporter(StringWriter text, long intervalNanos, List<RunPoint> todo) {
    return new ProgressReporter(new PrintWriter(text), () -> now, intervalNanos, todo);
  }

  @Test
  void shouldNameTheRunningPointWithHowLongItRanAndHowFarItGot() {
    RunPoint a = point("a", 1);
    RunPoint b = point("b", 4096);
    ProgressReporter p = reporter(new StringWriter(), SECOND, List.of(a, b));
    p.started(a);
    now = 3 * SECOND;
    assertEquals("xtsim run: 0/2 points, elapsed 3s; running a for 3s", p.line(now));
    p.advanced(SimTime.ms(12), 3_456_789);
    assertEquals(
        "xtsim run: 0/2 points, elapsed 3s; running a for 3s (simulated 12.000 ms, 3,456,789"
            + " events)",
        p.line(now));
    p.fractionDone(0.42);
    assertTrue(
        p.line(now).endsWith("running a for 3s (42%, simulated 12.000 ms, 3,456,789 events)"));
    p.finished();
    p.started(b);
    now = 5 * SECOND;
    assertTrue(p.line(now).endsWith("; running b for 2s"), "a new point starts afresh");
  }

  @Test
  void shouldGiveNoEtaUntilThePointsLeftCanBePredicted() {
    List<RunPoint> todo =
        List.of(point("w", 1), point("a", 1), point("b", 1), point("c", 2), point("d", 8));
    ProgressReporter p = reporter(new StringWriter(), SECOND, todo);
    p.started(todo.get(0));
    now = 30 * SECOND;
    p.finished(); // the JVM's first point: compiling the simulator, not learnt from
    p.started(todo.get(1));
    assertFalse(p.line(now).contains("ETA"), "nothing learnt yet");
    now = 40 * SECOND;
    p.finished();
    p.started(todo.get(2));
    now = 50 * SECOND;
    p.finished();
    p.started(todo.get(3));
    assertFalse(p.line(now).contains("ETA"), "one size seen cannot predict 2 and 8 nodes");
    now = 62 * SECOND;
    p.finished();
    // 1 node 10 s, 2 nodes 12 s: 8 s + 2 s per node, so d (8 nodes) takes 24 s.
    p.started(todo.get(4));
    assertEquals("xtsim run: 4/5 points, elapsed 1m02s, ETA 24s; running d for 0s", p.line(now));
    now = 72 * SECOND;
    assertEquals("xtsim run: 4/5 points, elapsed 1m12s, ETA 14s; running d for 10s", p.line(now));
    now = 92 * SECOND;
    assertEquals(
        "xtsim run: 4/5 points, elapsed 1m32s, ETA 0s; running d for 30s",
        p.line(now),
        "a point that overruns its prediction leaves nothing to wait for, not less");
  }

  @Test
  void shouldPredictTheSameCostForEveryPointOfASweepOfOneSize() {
    List<RunPoint> todo = List.of(point("w", 1), point("a", 1), point("b", 1), point("c", 1));
    ProgressReporter p = reporter(new StringWriter(), SECOND, todo);
    p.started(todo.get(0));
    now = 30 * SECOND;
    p.finished();
    p.started(todo.get(1));
    now = 34 * SECOND;
    p.finished();
    p.started(todo.get(2));
    now = 35 * SECOND;
    assertEquals("xtsim run: 2/4 points, elapsed 35s, ETA 7s; running b for 1s", p.line(now));
  }

  /**
   * The main job's shape (3 workloads, 1 to 4,096 nodes, 12 configurations, in sweep order) under
   * two known cost laws, each point off by up to ±20 % at random and the first 2 s slower (the JVM
   * compiles the simulator): one where the simulation dominates (0.05 s per point plus 1 ms per
   * node), one where the fixed cost does (1 s per point plus 0.1 ms per node). After the first 5 %
   * of the work, the ETA is within a factor two of the time actually left, at every point's start
   * and half-way through it, whatever the random draw.
   */
  @Test
  void shouldEstimateTheTimeLeftWithinAFactorTwoAfterTheFirstFivePercentOfASyntheticSweep() {
    List<RunPoint> sweep = new ArrayList<>();
    for (String workload : List.of("hpccg", "cth", "sage")) {
      for (int nodes = 1; nodes <= 4096; nodes *= 2) {
        for (int c = 0; c < 12; c++) {
          sweep.add(point(workload + "/c" + c + "/nodes=" + nodes, nodes));
        }
      }
    }
    for (double[] law : new double[][] {{0.05, 1e-3}, {1, 1e-4}}) {
      for (long seed = 1; seed <= 10; seed++) {
        Random noise = new Random(seed);
        Map<RunPoint, Double> seconds = new LinkedHashMap<>();
        for (RunPoint p : sweep) {
          seconds.put(p, (law[0] + law[1] * p.nodes()) * (0.8 + 0.4 * noise.nextDouble()));
        }
        seconds.put(sweep.get(0), seconds.get(sweep.get(0)) + 2);
        double worst = worstEtaRatioAfter(sweep, seconds::get, 0.05);
        assertTrue(
            worst <= 2,
            "law " + law[0] + " s + " + law[1] + " s/node, seed " + seed + ": off by " + worst);
      }
    }
  }

  /**
   * The main job as it ran (the committed reference's point wall times plus the 0.019 s each point
   * spent outside the simulation): within a factor two after the first 5 % of the work too. Its
   * hardest moment is when the sweep moves on to Sage, 0.43 times the per-node cost of HPCCG and
   * CTH, which the model (node counts only) overestimates until Sage's larger points finish: a
   * factor 1.8 with relative errors, 2.7 with plain least squares.
   */
  @Test
  void shouldStayNearTheTimeLeftReplayingTheMainJob() throws IOException {
    List<RunPoint> sweep =
        SweepExpander.expand(
            new ExperimentParser(ModelRegistry.standard())
                .parse(Path.of("redstorm-virtualization.yaml")));
    Map<String, Double> wall = new LinkedHashMap<>();
    for (ResultRow r :
        ResultsCsv.read(Path.of("..", "results", "redstorm-virtualization", "results.csv"))) {
      wall.putIfAbsent(r.point(), r.wallSeconds() + 0.019);
    }
    assertEquals(sweep.size(), wall.size());
    List<Double> ratios = new ArrayList<>();
    double worst = worstEtaRatioAfter(sweep, p -> wall.get(p.id()), 0.05, ratios);
    long beyondTwo = ratios.stream().filter(r -> r > 2).count();
    assertTrue(
        worst <= 2,
        "replaying the committed main job, the ETA is off by a factor up to "
            + worst
            + " ("
            + beyondTwo
            + " of "
            + ratios.size()
            + " estimates beyond two)");
  }

  private double worstEtaRatioAfter(
      List<RunPoint> sweep, ToDoubleFunction<RunPoint> seconds, double fractionOfWork) {
    return worstEtaRatioAfter(sweep, seconds, fractionOfWork, new ArrayList<>());
  }

  /**
   * Runs the sweep on the fake clock and returns the worst factor between the ETA and the time
   * left, at each point's start and half-way through it, once {@code fractionOfWork} of the total
   * time has passed; every factor goes to {@code ratios}.
   */
  private double worstEtaRatioAfter(
      List<RunPoint> sweep,
      ToDoubleFunction<RunPoint> seconds,
      double fractionOfWork,
      List<Double> ratios) {
    double total = sweep.stream().mapToDouble(seconds).sum();
    now = 0;
    ProgressReporter reporter = reporter(new StringWriter(), Long.MAX_VALUE, sweep);
    double elapsed = 0;
    double worst = 1;
    for (RunPoint p : sweep) {
      reporter.started(p);
      double cost = seconds.applyAsDouble(p);
      for (double part : new double[] {0, 0.5}) {
        double at = elapsed + part * cost;
        if (at < fractionOfWork * total) {
          continue;
        }
        now = (long) (at * 1e9);
        OptionalDouble eta = reporter.remainingSeconds(now);
        assertTrue(eta.isPresent(), "no ETA at " + p + " after " + at + " s");
        double ratio = eta.getAsDouble() / (total - at);
        ratio = Math.max(ratio, 1 / ratio);
        ratios.add(ratio);
        worst = Math.max(worst, ratio);
      }
      elapsed += cost;
      now = (long) (elapsed * 1e9);
      reporter.finished();
    }
    return worst;
  }

  @Test
  void shouldPrintWhileTheRunningPointReportsNothing() throws InterruptedException {
    StringWriter text = new StringWriter();
    RunPoint calibrating = point("calibrating", 1);
    ProgressReporter p = reporter(text, 10_000_000L, List.of(calibrating));
    p.started(calibrating);
    now = 7 * SECOND; // the clock moves, the runner says nothing
    try (ProgressReporter.Ticking ticking = p.tickEveryInterval()) {
      for (int i = 0; i < 400 && text.toString().isEmpty(); i++) {
        Thread.sleep(5);
      }
    }
    assertTrue(
        text.toString().startsWith("xtsim run: 0/1 points, elapsed 7s; running calibrating for 7s"),
        text.toString());
    p.silence();
    now = 9 * SECOND;
    p.fractionDone(0.5);
    assertEquals(1, text.toString().lines().count(), "silenced: " + text);
  }

  @Test
  void shouldStayQuietForShortSweeps() {
    StringWriter text = new StringWriter();
    List<RunPoint> todo = List.of(point("a", 1), point("b", 1));
    ProgressReporter p = reporter(text, 2 * SECOND, todo);
    p.started(todo.get(0));
    now = SECOND;
    p.finished();
    p.started(todo.get(1));
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
