package org.xtsim.experiments;

import org.HdrHistogram.Histogram;
import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.EventHandler;
import org.xtsim.engine.RunStatistics;
import org.xtsim.engine.SimTime;
import org.xtsim.engine.Simulation;
import org.xtsim.engine.SimulationBuilder;

/**
 * TEST DOUBLE, not a model: a ring of {@code nodes} components on the real event engine, each doing
 * {@link #ITERATIONS} iterations of "compute" (a base time stretched by a made-up per-vmm factor
 * and seeded exponential jitter) followed by a message to its right neighbour that it must receive
 * from its left before the next iteration. It exists to exercise the experiment pipeline with real
 * threads, seeds and histograms; its numbers mean nothing.
 */
public final class RingFakeRunner implements PointRunner {
  static final int ITERATIONS = 20;
  static final long COMPUTE_PS = SimTime.us(100);
  static final long LINK_PS = SimTime.us(2);
  private static final int COMPUTE_DONE = 1;
  private static final int MESSAGE = 2;

  @Override
  public void validate(RunPoint point) {
    if (point.nodes() > 4096) {
      throw new InvalidPointException("nodes", "the fake ring takes at most 4096 nodes");
    }
  }

  /** The made-up slowdown of a configuration: a formula, nothing more. */
  static double slowdown(RunPoint p) {
    double f =
        switch (p.vmm()) {
          case "native" -> 1.0;
          case "nested" -> 1.04;
          case "shadow" -> 1.08;
          default -> 1.10;
        };
    if (p.largePages()) {
      f -= 0.02;
    }
    return f * ("cnl".equals(p.guest()) ? 1.05 : 1.0);
  }

  @Override
  public PointResult run(RunPoint point, int threads, ProgressSink progress) {
    int n = point.nodes();
    Ring ring = new Ring(n, (long) (COMPUTE_PS * slowdown(point)));
    SimulationBuilder b = Simulation.builder().seed(point.seed()).threads(threads);
    int first = b.addComponents(n, ring);
    for (int i = 0; i < n; i++) {
      b.link(first + i, first + (i + 1) % n, LINK_PS);
    }
    b.progress((now, end, committed, wall) -> progress.fractionDone(0.5), 1000);
    RunStatistics stats = b.build().run();
    long finish = 0;
    Histogram iterations = new Histogram(3);
    for (int i = 0; i < n; i++) {
      finish = Math.max(finish, ring.finishPs[i]);
      for (int k = 0; k < ITERATIONS; k++) {
        iterations.recordValue(ring.iterationPs[i * ITERATIONS + k] / 1000);
      }
    }
    double seconds = SimTime.toSeconds(finish);
    return PointResult.builder()
        .metric("rate", n * ITERATIONS / seconds, "iterations/s", Metric.Better.HIGHER)
        .metric("run_time", seconds, "s", Metric.Better.LOWER)
        .metric("messages", (double) n * ITERATIONS, "count", Metric.Better.NEITHER)
        .distribution("iteration_time", "ns", iterations)
        .events(stats.committedEvents())
        .build();
  }

  /** Per-component state in primitive arrays; each element touched only by its owner. */
  private static final class Ring implements EventHandler {
    final long meanComputePs;
    final int[] done;
    final int[] received;
    final boolean[] computed;
    final long[] startPs;
    final long[] finishPs;
    final long[] iterationPs;

    Ring(int n, long meanComputePs) {
      this.meanComputePs = meanComputePs;
      done = new int[n];
      received = new int[n];
      computed = new boolean[n];
      startPs = new long[n];
      finishPs = new long[n];
      iterationPs = new long[n * ITERATIONS];
    }

    @Override
    public void init(Context ctx) {
      compute(ctx);
    }

    private void compute(Context ctx) {
      long jitter = (long) ctx.random().nextExponential(meanComputePs * 0.05);
      ctx.schedule(meanComputePs + jitter, COMPUTE_DONE, 0, 0, 0);
    }

    @Override
    public void onEvent(Event e, Context ctx) {
      int i = ctx.self();
      if (e.type() == COMPUTE_DONE) {
        computed[i] = true;
        ctx.send(i, LINK_PS, MESSAGE, done[i], 0, 0);
      } else {
        received[i]++;
      }
      if (computed[i] && received[i] > done[i]) {
        iterationPs[i * ITERATIONS + done[i]] = ctx.nowPs() - startPs[i];
        done[i]++;
        computed[i] = false;
        if (done[i] < ITERATIONS) {
          startPs[i] = ctx.nowPs();
          compute(ctx);
        } else {
          finishPs[i] = ctx.nowPs();
        }
      }
    }
  }
}
