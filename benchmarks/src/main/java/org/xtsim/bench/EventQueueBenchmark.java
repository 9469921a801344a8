package org.xtsim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xtsim.engine.internal.EventQueue;

/**
 * The classic "hold" benchmark of a pending-event set: with {@code pending} events queued, each
 * operation removes the earliest and inserts one at {@code now + Exp(mean)}, as PHOLD does. The
 * queue size stays constant, so this is the steady state of a run; {@code -prof gc} shows it
 * allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventQueueBenchmark {
  private static final double MEAN_DELAY_PS = 1_000_000;

  @Param({"1024", "8192", "65536"})
  int pending;

  private EventQueue queue;
  private SplittableRandom random;
  private long sequence;

  @Setup
  public void fill() {
    queue = new EventQueue(pending);
    random = new SplittableRandom(1);
    for (int i = 0; i < pending; i++) {
      queue.push(delay(), i, sequence++, i, 1, 0, 0, 0);
    }
  }

  /** One hold operation: pop the earliest event, push its successor. */
  @Benchmark
  public long hold() {
    EventQueue q = queue;
    long now = q.peekTime();
    int slot = q.pop();
    q.release(slot);
    q.push(now + delay(), slot, sequence++, slot, 1, 0, 0, 0);
    return now;
  }

  /** The engine's way: take the earliest, fill its hole with the successor in one sift-down. */
  @Benchmark
  public long holdDeferred() {
    EventQueue q = queue;
    long now = q.peekTime();
    int slot = q.takeEarliest();
    q.release(slot);
    q.push(now + delay(), slot, sequence++, slot, 1, 0, 0, 0);
    q.settle();
    return now;
  }

  private long delay() {
    return (long) (-MEAN_DELAY_PS * Math.log1p(-random.nextDouble()));
  }
}
