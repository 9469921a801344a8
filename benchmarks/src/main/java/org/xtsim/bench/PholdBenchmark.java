package org.xtsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xtsim.engine.phold.PholdConfig;
import org.xtsim.engine.phold.PholdModel;

/**
 * Whole PHOLD runs at the reference parameters (8.19 M events each), single shot per iteration.
 * Divide by the committed events for time per event; {@code scripts/xtsim phold --repeat 5} gives
 * the same figure as events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class PholdBenchmark {
  @Param({"1", "2"})
  int threads;

  /** One reference PHOLD run. */
  @Benchmark
  public long referenceRun() {
    return PholdModel.run(PholdConfig.reference(threads)).statistics().committedEvents();
  }
}
