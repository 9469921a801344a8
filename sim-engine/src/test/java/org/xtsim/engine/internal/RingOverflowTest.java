package org.xtsim.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.EventHandler;
import org.xtsim.engine.RunStatistics;
import org.xtsim.engine.SimTime;
import org.xtsim.engine.Simulation;
import org.xtsim.engine.SimulationBuilder;

/** A ring far smaller than one window's traffic must not deadlock nor change the answer. */
class RingOverflowTest {
  private static long[] run(int threads, int ringSlots) {
    long[] received = new long[8];
    EventHandler burst =
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            ctx.schedule(SimTime.ns(1), 0);
          }

          @Override
          public void onEvent(Event e, Context ctx) {
            if (e.type() == 0) {
              // Everyone sends 500 events to everyone else in one window.
              for (int i = 0; i < 500; i++) {
                ctx.sendTo((ctx.self() + 1 + i % 7) % 8, SimTime.ns(10), 1, i, 0, 0);
              }
            } else {
              received[ctx.self()] += e.arg0() + 1;
            }
          }
        };
    SimulationBuilder b = Simulation.builder().threads(threads).connectAll(SimTime.ns(10));
    if (ringSlots > 0) {
      b.ringSlots(ringSlots);
    }
    b.addComponents(8, burst);
    RunStatistics stats = b.build().run();
    assertEquals(8 + 8 * 500, stats.committedEvents());
    return received;
  }

  @Test
  void shouldDeliverEverythingThroughTinyRings() {
    long[] expected = run(1, 0);
    assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(run(2, 2)));
    assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(run(4, 4)));
  }
}
