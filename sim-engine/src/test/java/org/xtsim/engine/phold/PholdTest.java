package org.xtsim.engine.phold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.engine.RunStatistics;

class PholdTest {
  private static PholdConfig config(int threads, long seed) {
    return new PholdConfig(4_096, 2, 0.25, 1.0, 2.0, 200.0, threads, seed);
  }

  @Test
  void shouldCommitTheSameEventsAndDigestWithOneTwoAndFourThreads() {
    PholdResult one = PholdModel.run(config(1, 7));
    PholdResult two = PholdModel.run(config(2, 7));
    PholdResult four = PholdModel.run(config(4, 7));

    assertEquals(one.statistics().committedEvents(), two.statistics().committedEvents());
    assertEquals(one.statistics().committedEvents(), four.statistics().committedEvents());
    assertEquals(one.digestHex(), two.digestHex());
    assertEquals(one.digestHex(), four.digestHex());
    assertEquals(4, four.statistics().threads());
  }

  @Test
  void shouldCommitAboutLpsTimesStartEventsTimesEndOverMean() {
    // Each chain of events advances by `mean` on average: about 4096 * 2 * 200 / 2 = 819,200.
    PholdResult r = PholdModel.run(config(2, 3));
    long committed = r.statistics().committedEvents();
    assertTrue(Math.abs(committed - 819_200) < 819_200 * 0.01, "committed " + committed);
    assertEquals(RunStatistics.StopReason.END_TIME, r.statistics().stopReason());
  }

  @Test
  void shouldChangeTheDigestWithTheSeed() {
    assertNotEquals(
        PholdModel.run(config(1, 1)).digestHex(), PholdModel.run(config(1, 2)).digestHex());
  }

  @Test
  void shouldKeepEveryEventLocalWithRemoteZeroAndStillAgreeAcrossThreads() {
    PholdConfig local1 = new PholdConfig(1_000, 1, 0.0, 0.5, 1.5, 100.0, 1, 5);
    PholdConfig local2 = new PholdConfig(1_000, 1, 0.0, 0.5, 1.5, 100.0, 2, 5);
    assertEquals(PholdModel.run(local1).digestHex(), PholdModel.run(local2).digestHex());
  }

  @Test
  void shouldRejectBadParametersNamingTheOption() {
    assertEquals(
        "--lps must be > 0, was 0",
        assertThrows(
                IllegalArgumentException.class, () -> new PholdConfig(0, 1, 0.25, 1, 2, 10, 1, 1))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> new PholdConfig(10, 1, 1.5, 1, 2, 10, 1, 1))
            .getMessage()
            .startsWith("--remote must be in [0, 1]"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> new PholdConfig(10, 1, 0.5, 3, 2, 10, 1, 1))
            .getMessage()
            .startsWith("--lookahead must not exceed --mean"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> new PholdConfig(10, 1, 0.5, 1, 2, 10, 0, 1))
            .getMessage()
            .startsWith("--threads must be >= 1"));
  }
}
