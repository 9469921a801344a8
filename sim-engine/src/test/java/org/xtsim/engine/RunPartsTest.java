package org.xtsim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Context#runParts}: every part once, results independent of threads, failures reported. */
class RunPartsTest {
  private static final int PARTS = 64;
  private static final int SPLITS = 20;

  /** Component 0 splits a pass over {@code state} into parts, every 10 us; the others tick. */
  private static final class Splitter implements EventHandler, ParallelWork {
    final long[] state = new long[PARTS * 512];
    final AtomicIntegerArray runs = new AtomicIntegerArray(PARTS);
    final int failingFrom;
    int splits;

    Splitter(int failingFrom) {
      this.failingFrom = failingFrom;
    }

    @Override
    public void init(Context ctx) {
      ctx.schedule(SimTime.us(1), 0);
    }

    @Override
    public void onEvent(Event e, Context ctx) {
      if (ctx.self() != 0) {
        ctx.schedule(SimTime.us(1), 0);
        return;
      }
      ctx.runParts(this, PARTS);
      if (++splits < SPLITS) {
        ctx.schedule(SimTime.us(10), 0);
      }
    }

    @Override
    public void runPart(int part) {
      runs.incrementAndGet(part);
      if (part >= failingFrom && part % 4 == 1) {
        throw new IllegalStateException("part " + part + " failed");
      }
      // Each part mixes its own slice with the slice's previous value: a wrong or repeated run
      // shows in the result.
      for (int i = part * 512; i < (part + 1) * 512; i++) {
        state[i] = state[i] * 6364136223846793005L + i;
      }
    }
  }

  private static Splitter run(int threads, int failingFrom) {
    Splitter splitter = new Splitter(failingFrom);
    SimulationBuilder b =
        Simulation.builder()
            .threads(threads)
            .endTimePs(SimTime.us(500))
            .connectAll(SimTime.ns(100));
    b.addComponents(8, splitter);
    b.build().run();
    return splitter;
  }

  @ParameterizedTest(name = "threads={0}")
  @ValueSource(ints = {1, 2, 4})
  void shouldRunEveryPartOnceWithTheSameResultAtAnyThreadCount(int threads) {
    Splitter one = run(1, Integer.MAX_VALUE);
    Splitter many = run(threads, Integer.MAX_VALUE);
    for (int part = 0; part < PARTS; part++) {
      assertEquals(SPLITS, many.runs.get(part), "part " + part);
    }
    assertArrayEquals(one.state, many.state);
  }

  @ParameterizedTest(name = "threads={0}")
  @ValueSource(ints = {1, 2, 4})
  void shouldCountTimeSpentHelpingAsPartOfTheBarrierWait(int threads) {
    // Part 0, which the owner (partition 0) takes first, holds on until a helper has run the last
    // part, so every split is helped; the owner never helps itself.
    int parts = 8;
    AtomicIntegerArray runs = new AtomicIntegerArray(parts);
    AtomicBoolean gaveUp = new AtomicBoolean();
    ParallelWork work =
        part -> {
          long deadline = System.nanoTime() + 10_000_000_000L;
          while (part == 0 && threads > 1 && runs.get(parts - 1) == 0) {
            if (System.nanoTime() > deadline) {
              gaveUp.set(true); // no helper came: fail below rather than hang
              break;
            }
            Thread.onSpinWait();
          }
          runs.incrementAndGet(part);
        };
    EventHandler splitter =
        new EventHandler() {
          @Override
          public void init(Context ctx) {
            ctx.schedule(SimTime.us(1), 0);
          }

          @Override
          public void onEvent(Event e, Context ctx) {
            if (ctx.self() == 0) {
              ctx.runParts(work, threads > 1 ? parts : 1);
            }
            ctx.schedule(SimTime.us(1), 0);
          }
        };
    SimulationBuilder b =
        Simulation.builder().threads(threads).endTimePs(SimTime.us(20)).connectAll(SimTime.ns(100));
    b.addComponents(8, splitter);
    RunStatistics stats = b.build().run();

    long helped = 0;
    for (int w = 0; w < threads; w++) {
      long help = stats.helpNanosPerThread()[w];
      assertTrue(help >= 0 && help <= stats.waitNanosPerThread()[w], "worker " + w);
      assertEquals(stats.waitNanosPerThread()[w] - help, stats.idleNanos(w));
      helped += help;
    }
    assertFalse(gaveUp.get(), "a split waited 10 s for a helper");
    assertEquals(0, stats.helpNanosPerThread()[0], "the owner of the split never helps itself");
    if (threads == 1) {
      assertEquals(0, stats.waitNanosPerThread()[0]);
    } else {
      assertTrue(helped > 0, "the last part of each split ran on a helper");
      assertEquals(19, runs.get(parts - 1), "one split per microsecond from 1 to 19 us");
    }
  }

  @ParameterizedTest(name = "threads={0}")
  @ValueSource(ints = {1, 2, 4})
  void shouldReportTheLowestFailingPart(int threads) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(threads, 40));
    assertEquals("part 41 failed", e.getMessage());
  }
}
