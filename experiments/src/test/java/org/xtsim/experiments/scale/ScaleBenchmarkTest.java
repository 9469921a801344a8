package org.xtsim.experiments.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.simulation.HeapEstimate;

/** The scale benchmark's measurements: what it reports must be true of the runs it makes. */
class ScaleBenchmarkTest {
  private static ScaleBenchmark bench(int threads) {
    return new ScaleBenchmark(
        "hpccg",
        Map.of("nx", 20L, "ny", 20L, "nz", 20L, "iterations", 2L),
        Map.of("vmm", "nested", "guest", "cnl", "preemption", "controlled", "nic", "passthrough"),
        Map.of("topology", "auto", "link_contention", false),
        threads,
        5);
  }

  @Test
  void shouldRunPastRedStormOnTheSmallestTorusThatHoldsTheJob() {
    ScaleBenchmark b = bench(1);
    assertEquals("27x20x24", b.topology(12_960));
    assertEquals("torus-32x32x16", b.topology(16_384));
    assertEquals("torus-128x128x64", b.topology(1_048_576));
  }

  @Test
  void shouldGiveTheSameSimulatedAnswerWithOneAndTwoThreads() {
    ScalePoint one = bench(1).measure(64, null);
    ScalePoint two = bench(2).measure(64, null);
    assertEquals(one.simulatedSeconds(), two.simulatedSeconds());
    assertEquals(one.events(), two.events());
    assertEquals(2, two.threads());
    assertEquals(0, one.barrierWaitSeconds(), "one thread never waits at a barrier");
    assertTrue(two.windows() > 0 && two.barrierWaitSeconds() >= 0);
    assertTrue(two.barrierHelpSeconds() >= 0 && two.barrierIdleSeconds() >= 0);
    assertEquals(1.0, one.eventImbalance());
    assertTrue(two.eventImbalance() >= 1 && two.eventImbalance() <= 2, "" + two.eventImbalance());
    assertTrue(one.events() > 64 * 2, "every rank runs events: " + one.events());
  }

  @Test
  void shouldKeepAFinishedJobWithinTheHeapEstimatePerNode() {
    ScaleBenchmark b = bench(1);
    b.measure(256, null); // calibration tables and classes first, so they do not count below
    ScalePoint p = b.measure(16_384, null);
    assertTrue(p.retainedBytesPerNode() > 0, "a job keeps state per node");
    assertTrue(
        p.retainedBytesPerNode() <= HeapEstimate.BYTES_PER_NODE,
        p.retainedBytesPerNode() + " bytes per node retained");
    assertTrue(p.peakHeapBytes() > 0);
  }
}
