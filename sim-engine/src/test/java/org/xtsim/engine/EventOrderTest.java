package org.xtsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented total order of events, the same with 1, 2 and 4 threads. */
class EventOrderTest {
  private static final long LATENCY_PS = SimTime.ns(100);

  /** Records, per component, "time:source:type:arg0" of every event it executes. */
  static final class Recorder implements EventHandler {
    final List<List<String>> log = new ArrayList<>();

    Recorder(int components) {
      for (int i = 0; i < components; i++) {
        log.add(new ArrayList<>());
      }
    }

    @Override
    public void onEvent(Event e, Context ctx) {
      log.get(ctx.self()).add(e.timePs() + ":" + e.source() + ":" + e.type() + ":" + e.arg0());
    }
  }

  @ParameterizedTest(name = "threads={0}")
  @ValueSource(ints = {1, 2, 4})
  void shouldDeliverSameTimeEventsInSourceThenSequenceOrder(int threads) {
    // Components 1..3 each send two events (types 0 then 1) to component 0, all arriving at 500 ns.
    // Their triggers make them send in reverse id order (3 at 7 ns, 2 at 8 ns, 1 at 9 ns), yet
    // component 0 sees them by source id, then by each source's send sequence.
    Recorder recorder = new Recorder(4);
    EventHandler sender =
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            // Trigger at a time that makes higher ids send earlier in wall-clock order.
            ctx.schedule(SimTime.ns(10 - ctx.self()), 9);
          }

          @Override
          public void onEvent(Event e, Context ctx) {
            long arrival = SimTime.ns(500);
            ctx.sendTo(0, arrival - ctx.nowPs(), 0, ctx.self(), 0, 0);
            ctx.sendTo(0, arrival - ctx.nowPs(), 1, ctx.self(), 0, 0);
          }
        };
    SimulationBuilder b = Simulation.builder().threads(threads).connectAll(LATENCY_PS);
    b.addComponent(recorder);
    b.addComponents(3, sender);
    b.build().run();

    assertEquals(
        List.of(
            "500000:1:0:1",
            "500000:1:1:1",
            "500000:2:0:2",
            "500000:2:1:2",
            "500000:3:0:3",
            "500000:3:1:3"),
        recorder.log.get(0));
  }

  @ParameterizedTest(name = "threads={0}")
  @ValueSource(ints = {1, 2, 4})
  void shouldRunZeroDelaySelfEventsAfterTheCurrentEventInKeyOrder(int threads) {
    // At t = 1 us component 0 has its own trigger (source 0) and an event from component 1
    // (source 1). The trigger runs first and schedules two zero-delay self events (source 0, later
    // sequence numbers): they sort before source 1's same-time event, in the order scheduled.
    Recorder recorder = new Recorder(2);
    EventHandler zero =
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            ctx.schedule(SimTime.us(1), 7, 0, 0, 0);
          }

          @Override
          public void onEvent(Event e, Context ctx) {
            recorder.onEvent(e, ctx);
            if (e.type() == 7) {
              ctx.schedule(0, 8, 1, 0, 0);
              ctx.schedule(0, 8, 2, 0, 0);
            }
          }
        };
    EventHandler other =
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            ctx.sendTo(0, SimTime.us(1), 5, 0, 0, 0);
          }

          @Override
          public void onEvent(Event e, Context ctx) {}
        };
    SimulationBuilder b = Simulation.builder().threads(threads).connectAll(SimTime.ns(1));
    b.addComponent(zero);
    b.addComponent(other);
    RunStatistics stats = b.build().run();

    assertEquals(
        List.of("1000000:0:7:0", "1000000:0:8:1", "1000000:0:8:2", "1000000:1:5:0"),
        recorder.log.get(0));
    assertEquals(4, stats.committedEvents());
    assertEquals(RunStatistics.StopReason.QUIESCENT, stats.stopReason());
  }

  @ParameterizedTest(name = "threads={0}")
  @ValueSource(ints = {1, 2, 4})
  void shouldHandleEventsExactlyOnWindowBoundaries(int threads) {
    // A token passed around a ring of 8 components, each hop exactly one lookahead: every event
    // lands exactly on a window boundary.
    int n = 8;
    long[] visits = new long[n];
    long[] lastTime = new long[n];
    EventHandler ring =
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            if (ctx.self() == 0) {
              ctx.schedule(0, 1);
            }
          }

          @Override
          public void onEvent(Event e, Context ctx) {
            visits[ctx.self()]++;
            lastTime[ctx.self()] = e.timePs();
            ctx.send(ctx.self(), LATENCY_PS, 1); // link id == component id
          }
        };
    SimulationBuilder b =
        Simulation.builder().threads(threads).endTimePs(LATENCY_PS * 80 + LATENCY_PS / 2);
    b.addComponents(n, ring);
    for (int i = 0; i < n; i++) {
      b.link(i, (i + 1) % n, LATENCY_PS);
    }
    RunStatistics stats = b.build().run();

    assertEquals(81, stats.committedEvents());
    assertEquals(11, visits[0]); // t = 0, 8L, ..., 80L
    assertEquals(10, visits[1]);
    assertEquals(LATENCY_PS * 80, lastTime[0]);
    assertEquals(LATENCY_PS * 79, lastTime[7]);
    assertEquals(RunStatistics.StopReason.END_TIME, stats.stopReason());
    if (threads > 1) {
      assertEquals(LATENCY_PS, stats.lookaheadPs());
      assertTrue(stats.windows() >= 80, "one window per hop, skip-ahead never skips a hop");
    }
  }
}
