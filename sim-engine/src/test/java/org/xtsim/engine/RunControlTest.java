package org.xtsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End time, quiescence, early stop, progress, lookahead errors and partitioning. */
class RunControlTest {

  /** Each component ticks every {@code periodPs}, counting its ticks. */
  private static final class Ticker implements EventHandler {
    final long periodPs;
    final long[] ticks;

    Ticker(int n, long periodPs) {
      this.periodPs = periodPs;
      this.ticks = new long[n];
    }

    @Override
    public void init(Context ctx) {
      ctx.schedule(periodPs, 0);
    }

    @Override
    public void onEvent(Event e, Context ctx) {
      ticks[ctx.self()]++;
      ctx.schedule(periodPs, 0);
    }
  }

  @ParameterizedTest(name = "threads={0}")
  @ValueSource(ints = {1, 2, 4})
  void shouldNotExecuteEventsAtOrAfterTheEndTime(int threads) {
    Ticker ticker = new Ticker(4, SimTime.us(1));
    SimulationBuilder b =
        Simulation.builder().threads(threads).endTimePs(SimTime.us(10)).connectAll(SimTime.ns(1));
    b.addComponents(4, ticker);
    RunStatistics stats = b.build().run();

    // Ticks at 1..9 us run; the tick at exactly 10 us is the end time and does not.
    assertEquals(9, ticker.ticks[0]);
    assertEquals(36, stats.committedEvents());
    assertEquals(SimTime.us(9), stats.finalTimePs());
    assertEquals(RunStatistics.StopReason.END_TIME, stats.stopReason());
  }

  @Test
  void shouldStopWhenNoEventsAreLeft() {
    SimulationBuilder b = Simulation.builder();
    b.addComponent(
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            ctx.schedule(5, 0);
          }

          @Override
          public void onEvent(Event e, Context ctx) {}
        });
    RunStatistics stats = b.build().run();
    assertEquals(1, stats.committedEvents());
    assertEquals(RunStatistics.StopReason.QUIESCENT, stats.stopReason());
  }

  @Test
  void shouldStopSequentialRunAfterEveryEventAtTheStopTime() {
    long[] executed = new long[3];
    EventHandler h =
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            ctx.schedule(SimTime.ns(10), 0);
            ctx.schedule(SimTime.ns(20), 0);
          }

          @Override
          public void onEvent(Event e, Context ctx) {
            executed[ctx.self()]++;
            if (ctx.self() == 0) {
              ctx.requestStop();
            }
          }
        };
    SimulationBuilder b = Simulation.builder();
    b.addComponents(3, h);
    RunStatistics stats = b.build().run();
    // Component 0 asks to stop at 10 ns; components 1 and 2 still run their 10 ns events.
    assertEquals(3, stats.committedEvents());
    assertEquals(1, executed[2]);
    assertEquals(RunStatistics.StopReason.STOP_REQUESTED, stats.stopReason());
  }

  @Test
  void shouldStopParallelRunAtTheEndOfTheWindow() {
    Ticker ticker = new Ticker(4, SimTime.ns(10));
    EventHandler stopper =
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            ticker.init(ctx);
          }

          @Override
          public void onEvent(Event e, Context ctx) {
            ticker.onEvent(e, ctx);
            if (e.timePs() == SimTime.ns(50)) {
              ctx.requestStop();
            }
          }
        };
    SimulationBuilder b = Simulation.builder().threads(2).connectAll(SimTime.ns(10));
    b.addComponents(4, stopper);
    RunStatistics stats = b.build().run();
    assertEquals(RunStatistics.StopReason.STOP_REQUESTED, stats.stopReason());
    // The window [50, 60) ns completes: every component ran its ticks at 10..50 ns.
    assertEquals(5, ticker.ticks[3]);
  }

  @Test
  void shouldRaiseLookaheadViolationNamingComponentsTimesAndLatency() {
    SimulationBuilder b = Simulation.builder();
    int a =
        b.addComponent(
            new EventHandler() {
              @Override
              public void init(Context ctx) {
                ctx.schedule(SimTime.ns(3), 0);
              }

              @Override
              public void onEvent(Event e, Context ctx) {
                ctx.send(0, SimTime.ns(1), 0);
              }
            });
    int c = b.addComponent((e, ctx) -> {});
    b.link(a, c, SimTime.ns(2));
    LookaheadViolationException ex =
        assertThrows(LookaheadViolationException.class, () -> b.build().run());
    assertEquals(
        "lookahead violation: component 0 sent to component 1 at t=3000 ps with delay 1000 ps"
            + " (arrival t=4000 ps), below the 2000 ps latency of link 0 (0 -> 1)",
        ex.getMessage());
  }

  @Test
  void shouldRaiseLookaheadViolationFromAWorkerThread() {
    SimulationBuilder b = Simulation.builder().threads(2).connectAll(SimTime.ns(5));
    b.addComponents(
        4,
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            ctx.schedule(SimTime.ns(1), 0);
          }

          @Override
          public void onEvent(Event e, Context ctx) {
            if (ctx.self() == 3) {
              ctx.sendTo(0, SimTime.ns(4), 0);
            }
          }
        });
    LookaheadViolationException ex =
        assertThrows(LookaheadViolationException.class, () -> b.build().run());
    assertTrue(ex.getMessage().contains("component 3 sent to component 0"), ex.getMessage());
    assertTrue(ex.getMessage().contains("5000 ps latency of the any-to-any"), ex.getMessage());
  }

  @Test
  void shouldRejectAZeroLatencyLinkThatCrossesPartitions() {
    SimulationBuilder b = Simulation.builder().threads(2);
    b.addComponents(2, (e, ctx) -> {});
    b.link(0, 1, 0);
    IllegalStateException ex = assertThrows(IllegalStateException.class, b::build);
    assertTrue(ex.getMessage().contains("crosses partitions"), ex.getMessage());
  }

  @Test
  void shouldUseTheSmallestCrossingLatencyAsLookahead() {
    SimulationBuilder b = Simulation.builder().threads(2);
    b.addComponents(4, (e, ctx) -> {});
    b.link(0, 1, SimTime.ns(1)); // inside partition 0: does not bound the lookahead
    b.link(1, 2, SimTime.ns(7));
    b.link(3, 0, SimTime.ns(9));
    assertEquals(SimTime.ns(7), b.build().lookaheadPs());
  }

  @Test
  void shouldGiveTheSameResultWithAModelAwarePartitioning() {
    long[][] ticksByRun = new long[2][];
    for (int run = 0; run < 2; run++) {
      Ticker ticker = new Ticker(6, SimTime.ns(3));
      SimulationBuilder b =
          Simulation.builder().threads(2).endTimePs(SimTime.ns(100)).connectAll(SimTime.ns(3));
      if (run == 1) {
        b.partitioner(
            (count, parts) -> {
              int[] owner = new int[count];
              for (int i = 0; i < count; i++) {
                owner[i] = i % parts; // interleaved instead of blocks
              }
              return owner;
            });
      }
      b.addComponents(6, ticker);
      b.build().run();
      ticksByRun[run] = ticker.ticks;
    }
    assertEquals(
        java.util.Arrays.toString(ticksByRun[0]), java.util.Arrays.toString(ticksByRun[1]));
  }

  @Test
  void shouldReportProgress() {
    AtomicLong reports = new AtomicLong();
    AtomicLong lastCommitted = new AtomicLong();
    Ticker ticker = new Ticker(2, SimTime.ns(1));
    SimulationBuilder b =
        Simulation.builder()
            .endTimePs(SimTime.ns(1000))
            .progress(
                (sim, end, committed, wall) -> {
                  reports.incrementAndGet();
                  lastCommitted.set(committed);
                },
                1);
    b.addComponents(2, ticker);
    RunStatistics stats = b.build().run();
    assertTrue(reports.get() >= 1);
    assertEquals(stats.committedEvents(), lastCommitted.get(), "the final report is exact");
  }

  @Test
  void shouldRejectANegativeDelay() {
    SimulationBuilder b = Simulation.builder();
    b.addComponent(
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            ctx.schedule(-1, 0);
          }

          @Override
          public void onEvent(Event e, Context ctx) {}
        });
    assertThrows(IllegalArgumentException.class, () -> b.build().run());
  }
}
