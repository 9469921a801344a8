package org.xtsim.experiments.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The thread-scaling summary: medians, speed-ups and the check that results do not change. */
class ThreadScalingTest {
  private static ScalePoint run(int threads, double wall, long events, double simulated) {
    return new ScalePoint(
        4096,
        "27x20x24",
        threads,
        wall,
        0.1,
        events,
        threads == 1 ? 0 : 1000,
        1,
        1,
        simulated,
        threads == 1 ? 0 : wall / 4,
        threads == 1 ? 0 : wall / 8,
        threads == 1 ? 1 : 1.25);
  }

  @Test
  void shouldTakeMediansAndMeasureSpeedUpAgainstTheSmallestThreadCount() {
    List<ScalePoint> runs =
        List.of(
            run(4, 1.0, 7, 2.5),
            run(1, 3.0, 7, 2.5),
            run(1, 2.0, 7, 2.5),
            run(4, 0.5, 7, 2.5),
            run(1, 9.0, 7, 2.5), // one disturbed run: the median ignores it
            run(4, 0.75, 7, 2.5));
    List<ThreadScaling.Row> rows = ThreadScaling.summarise(runs);
    assertEquals(2, rows.size());
    ThreadScaling.Row one = rows.get(0);
    ThreadScaling.Row four = rows.get(1);
    assertEquals(1, one.threads());
    assertEquals(3, one.runs());
    assertEquals(3.0, one.medianWallSeconds());
    assertEquals(2.0, one.minWallSeconds());
    assertEquals(9.0, one.maxWallSeconds());
    assertEquals(1.0, one.speedup());
    assertEquals(4, four.threads());
    assertEquals(0.75, four.medianWallSeconds());
    assertEquals(4.0, four.speedup(), 1e-12);
    assertEquals(1.0, four.efficiency(), 1e-12, "4x faster on 4 threads is perfect scaling");
    assertEquals(1000, four.windows());
    assertEquals(0.75 / 8, four.medianBarrierIdleSeconds(), 1e-12, "wait less help");
    assertEquals(0.75 / 8, four.medianBarrierHelpSeconds(), 1e-12);
    assertEquals(1.25, four.eventImbalance());
    assertEquals(0, one.medianBarrierIdleSeconds());
  }

  @Test
  void shouldCountEfficiencyFromTheSmallestThreadCountWhenItIsNotOne() {
    List<ThreadScaling.Row> rows =
        ThreadScaling.summarise(List.of(run(2, 4.0, 7, 1), run(8, 2.0, 7, 1)));
    assertEquals(2.0, rows.get(1).speedup(), 1e-12);
    assertEquals(0.5, rows.get(1).efficiency(), 1e-12, "2x from 4x the threads");
  }

  @Test
  void shouldTakeTheMeanOfTheMiddleTwoForAnEvenCount() {
    List<ThreadScaling.Row> rows =
        ThreadScaling.summarise(List.of(run(1, 1.0, 7, 1), run(1, 4.0, 7, 1)));
    assertEquals(2.5, rows.get(0).medianWallSeconds());
  }

  @Test
  void shouldRefuseRunsThatComputedDifferentResults() {
    IllegalStateException events =
        assertThrows(
            IllegalStateException.class,
            () -> ThreadScaling.summarise(List.of(run(1, 1, 7, 2.5), run(2, 1, 8, 2.5))));
    assertTrue(events.getMessage().contains("results differ"), events.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> ThreadScaling.summarise(List.of(run(1, 1, 7, 2.5), run(2, 1, 7, 2.5000001))));
    assertThrows(IllegalArgumentException.class, () -> ThreadScaling.summarise(List.of()));
  }
}
