package org.xtsim.node.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;
import org.xtsim.node.PageTableActivity;

class InterruptionTimelineTest {
  /** Poisson daemons, 1,000 a second, 20 us each on average: 2 % of the core. */
  private static final InterruptionSource DAEMONS =
      new InterruptionSource(
          "daemons",
          InterruptionSource.Arrival.POISSON,
          1_000,
          DurationDistribution.exponential(SimTime.us(20)),
          InterruptionSource.Timing.PER_NODE,
          false);

  private static InterruptionTimeline timeline(InterruptionSource... sources) {
    return new InterruptionTimeline(List.of(sources), 42);
  }

  private static long maxEnd(InterruptionTimeline t, int nodes, long start, long work, long seed) {
    InterruptionState s = t.newState(nodes, seed);
    long max = 0;
    for (int n = 0; n < nodes; n++) {
      max = Math.max(max, t.phaseEnd(s, n, start, work));
    }
    return max;
  }

  @Test
  void shouldEndAfterTheWorkWhenNothingInterrupts() {
    InterruptionTimeline t = timeline();
    assertEquals(1_500, t.phaseEnd(t.newState(1, 1), 0, 500, 1_000));
  }

  @Test
  void shouldStretchWorkByTheUtilisationOfPoissonNoise() {
    InterruptionSource daemons = DAEMONS;
    InterruptionTimeline t = timeline(daemons);
    long work = SimTime.seconds(20);
    long end = t.phaseEnd(t.newState(1, 1), 0, 0, work);
    double u = daemons.utilisation(); // 2 %
    double expected = work / (1 - u); // noise also falls in the noise
    assertEquals(expected, end, 0.01 * expected);
  }

  @Test
  void shouldKeepASourcesDrawsWhenAnotherSourceIsAddedBeforeIt() {
    // Common random numbers: a configuration that adds host work (listed first) sees the same
    // daemons as one without it, so on one seed the added cost can only add time.
    InterruptionSource daemons = DAEMONS;
    InterruptionSource host =
        new InterruptionSource(
            "host preemption",
            InterruptionSource.Arrival.PERIODIC,
            100,
            DurationDistribution.pareto(SimTime.us(10), 2),
            InterruptionSource.Timing.PER_NODE,
            false);
    InterruptionTimeline alone = timeline(daemons);
    InterruptionTimeline withHost = timeline(host, daemons);
    InterruptionTimeline hostOnly = timeline(host);
    for (long seed = 1; seed <= 20; seed++) {
      long work = SimTime.ms(50);
      long a = alone.phaseEnd(alone.newState(1, seed), 0, 0, work);
      long b = withHost.phaseEnd(withHost.newState(1, seed), 0, 0, work);
      long hostAlone = hostOnly.phaseEnd(hostOnly.newState(1, seed), 0, 0, work) - work;
      assertTrue(b > a, "seed " + seed + ": with host work " + b + " ps, without " + a + " ps");
      // The host work's own draws are its own too: it costs at least what it costs alone.
      assertTrue(b - a >= hostAlone, "seed " + seed + ": " + (b - a) + " < " + hostAlone);
    }
  }

  @Test
  void shouldInterruptAlignedSourcesAtTheSameTimesOnEveryNode() {
    NoiseInjection sync = new NoiseInjection(100, SimTime.us(250), true);
    InterruptionTimeline t = timeline(sync.source());
    InterruptionState s = t.newState(64, 1);
    long first = t.phaseEnd(s, 0, SimTime.ms(5), SimTime.ms(30));
    for (int n = 1; n < 64; n++) {
      assertEquals(first, t.phaseEnd(s, n, SimTime.ms(5), SimTime.ms(30)));
    }
    assertEquals(SimTime.ms(35) + 3 * SimTime.us(250), first, "ticks at 10, 20, 30 ms");
  }

  @Test
  void shouldHurtBulkSynchronousWorkMoreWithRareLongNoiseAtTheSameNetNoise() {
    // Ferreira et al.: 2.5 % net noise, high-frequency short versus low-frequency long.
    NoiseInjection shortFrequent = new NoiseInjection(1_000, SimTime.us(25), false);
    NoiseInjection longRare = new NoiseInjection(10, SimTime.us(2_500), false);
    NoiseInjection longRareSync = new NoiseInjection(10, SimTime.us(2_500), true);
    assertEquals(shortFrequent.netNoiseFraction(), longRare.netNoiseFraction(), 1e-12);
    long work = SimTime.ms(1);
    long start = SimTime.ms(3);
    long sf = maxEnd(timeline(shortFrequent.source()), 1024, start, work, 7) - start;
    long lr = maxEnd(timeline(longRare.source()), 1024, start, work, 7) - start;
    long lrs = maxEnd(timeline(longRareSync.source()), 1024, start, work, 7) - start;
    assertTrue(sf <= work + 2 * SimTime.us(25), "each node loses at most ~2 short hits: " + sf);
    assertEquals(work + SimTime.us(2_500), lr, "some node of 1024 is hit by a long one");
    assertEquals(work, lrs, "synchronised noise at 0, 100 ms... misses this phase on all nodes");
  }

  @Test
  void shouldGiveNodesIndependentPhasesUnlessAligned() {
    InterruptionSource tick =
        new InterruptionSource(
            "tick",
            InterruptionSource.Arrival.PERIODIC,
            250,
            DurationDistribution.fixed(SimTime.us(2)),
            InterruptionSource.Timing.PER_NODE,
            false);
    InterruptionTimeline t = timeline(tick);
    InterruptionState s = t.newState(2, 1);
    long a = t.phaseEnd(s, 0, 0, SimTime.ms(1));
    long b = t.phaseEnd(s, 1, 0, SimTime.ms(1));
    long c = t.phaseEnd(t.newState(1, 1), 0, 0, SimTime.ms(1));
    assertEquals(a, c, "same stream, same answer");
    // With 4 ms period and 1 ms work, the two nodes' outcomes depend on their own phases.
    assertTrue(s.occurrences(0, 0) + s.occurrences(1, 0) <= 2);
    assertNotEquals(-1, b);
  }

  /** Aligned deferred host work: 1 ms at 0, 10 ms, 20 ms..., and 10 us to return to the guest. */
  private static final InterruptionSource DEFERRED_MS =
      new InterruptionSource(
          "host",
          InterruptionSource.Arrival.PERIODIC,
          100,
          DurationDistribution.fixed(SimTime.ms(1)),
          InterruptionSource.Timing.ALIGNED,
          true,
          SimTime.us(10));

  @Test
  void shouldDoDeferredWorkOverAsManyIdleGapsAsItTakesAndPayTheReturnOncePerGap() {
    InterruptionTimeline t = timeline(DEFERRED_MS);
    InterruptionState s = t.newState(1, 1);
    // Busy 0-35 ms: the pieces at 0, 10, 20 and 30 ms wait.
    assertEquals(SimTime.ms(35), t.phaseEnd(s, 0, 0, SimTime.ms(35)));
    assertEquals(SimTime.ms(4), s.pendingPs(0));
    // A 1 ms gap does 1 ms of it; the guest resumes at once and pays one return.
    assertEquals(SimTime.us(37_010), t.phaseEnd(s, 0, SimTime.ms(36), SimTime.ms(1)));
    assertEquals(SimTime.ms(3), s.pendingPs(0));
    // Host work taking a message is the guest's work too: the host still waits.
    assertEquals(SimTime.us(37_012), t.hostWorkEnd(s, 0, SimTime.us(37_010), SimTime.us(2)));
    assertEquals(SimTime.ms(3), s.pendingPs(0));
    // Idle from 37.012 to 45 ms: the 3 ms left, then the piece of 40 ms, end by 41.012 ms.
    assertEquals(SimTime.us(46_010), t.phaseEnd(s, 0, SimTime.ms(45), SimTime.ms(1)));
    assertEquals(0, s.pendingPs(0));
  }

  @Test
  void shouldGiveTheHostTheCoreOnceDeferredWorkHasWaitedTheLimit() {
    InterruptionTimeline t = new InterruptionTimeline(List.of(DEFERRED_MS), 42, SimTime.ms(15));
    InterruptionState s = t.newState(1, 1);
    // Pieces of 0 and 10 ms fall due at 15 ms (2 ms and a return), those of 20 and 30 ms at 35.
    long end = t.phaseEnd(s, 0, 0, SimTime.ms(35));
    assertEquals(SimTime.ms(35) + 2 * (SimTime.ms(2) + SimTime.us(10)), end);
    assertEquals(0, s.pendingPs(0));
    // Without a limit the same phase is not delayed.
    InterruptionTimeline patient = timeline(DEFERRED_MS);
    assertEquals(SimTime.ms(35), patient.phaseEnd(patient.newState(1, 1), 0, 0, SimTime.ms(35)));
  }

  private static InterruptionSource everyTenMs(long durationPs, boolean deferred) {
    return new InterruptionSource(
        "host",
        InterruptionSource.Arrival.PERIODIC,
        100,
        DurationDistribution.fixed(durationPs),
        InterruptionSource.Timing.ALIGNED,
        deferred);
  }

  @Test
  void shouldStartHostWorkThatArrivesDuringAnInterruptionOnlyWhenItEnds() {
    // Aligned: occurrences at 0, 10 ms, 20 ms..., each 1 ms.
    InterruptionTimeline t = timeline(everyTenMs(SimTime.ms(1), false));
    InterruptionState s = t.newState(1, 1);
    // The node is idle until a message arrives at 10.5 ms, inside the occurrence at 10 ms.
    long taken = t.hostWorkEnd(s, 0, SimTime.us(10_500), SimTime.us(2));
    assertEquals(SimTime.ms(11) + SimTime.us(2), taken);
    // One that arrives after the occurrence is over is taken at once.
    assertEquals(
        SimTime.us(12_000) + SimTime.us(2), t.hostWorkEnd(s, 0, SimTime.ms(12), SimTime.us(2)));
    // And host work that an occurrence falls into is stopped for its duration.
    assertEquals(
        SimTime.ms(21) + SimTime.us(1),
        t.hostWorkEnd(s, 0, SimTime.ms(20) - SimTime.us(1), SimTime.us(2)));
  }

  @Test
  void shouldLeaveHostWorkAloneWhenHostWorkIsDeferredToIdleTime() {
    InterruptionTimeline t = timeline(everyTenMs(SimTime.ms(1), true));
    InterruptionState s = t.newState(1, 1);
    assertEquals(SimTime.us(10_502), t.hostWorkEnd(s, 0, SimTime.us(10_500), SimTime.us(2)));
  }

  @Test
  void shouldCountAnInterruptionOnceWhenAMessageIsTakenDuringAComputation() {
    InterruptionTimeline t = timeline(everyTenMs(SimTime.ms(1), false));
    InterruptionState s = t.newState(1, 1);
    long end = t.phaseEnd(s, 0, SimTime.ms(1), SimTime.ms(15));
    assertEquals(SimTime.ms(17), end, "the occurrence at 10 ms stretches it by 1 ms");
    // A message taken at 12 ms, inside the computation: its time is the computation's.
    assertEquals(
        SimTime.ms(12) + SimTime.us(2), t.hostWorkEnd(s, 0, SimTime.ms(12), SimTime.us(2)));
  }

  @Test
  void shouldDescribeOsPageTableActivity() {
    PageTableActivity cnl = OsPersonalities.computeNodeLinux().activity();
    assertEquals(OsPersonalities.CNL_CONTEXT_SWITCHES_PER_SECOND, cnl.cr3WritesPerSecond());
    assertEquals(
        OsPersonalities.CNL_MAPPING_CHANGES_PER_SECOND
            * OsPersonalities.CNL_PTE_WRITES_PER_MAPPING_CHANGE,
        cnl.pageTableWritesPerSecond());
    assertTrue(OsPersonalities.catamount().staticPageTables());
    assertTrue(OsPersonalities.kitten().staticPageTables());
    assertEquals(10, OsPersonalities.kitten().tickHz());
  }
}
