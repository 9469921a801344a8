package org.xtsim.engine.internal;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cross-thread exchange of the parallel engine: one thread publishes events into a
 * single-producer Disruptor ring through a translator, exactly as a partition does, and another
 * drains them by polling the cursor, as a partition does between windows. Reported as throughput of
 * each side; {@code -prof gc} shows neither allocates.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExchangeBenchmark {
  private static final int RING_SLOTS = 4096;

  private RingBuffer<CrossEvent> ring;
  private Sequence consumed;
  private long published;
  private long checksum;
  private final EventTranslator<CrossEvent> translator = this::translate;

  @Setup
  public void wire() {
    ring = RingBuffer.createSingleProducer(CrossEvent::new, RING_SLOTS, new BusySpinWaitStrategy());
    consumed = new Sequence();
    ring.addGatingSequences(consumed);
  }

  private void translate(CrossEvent e, long sequence) {
    e.timePs = published;
    e.sequence = published;
    e.source = 1;
    e.target = 2;
    e.type = 3;
    e.arg0 = published;
  }

  /** Publishes one event, or reports 0 when the ring is full. */
  @Benchmark
  @Group("exchange")
  @GroupThreads(1)
  public boolean publish() {
    if (ring.tryPublishEvent(translator)) {
      published++;
      return true;
    }
    return false;
  }

  /** Drains whatever has been published. */
  @Benchmark
  @Group("exchange")
  @GroupThreads(1)
  public long drain() {
    long next = consumed.get() + 1;
    long available = ring.getCursor();
    long sum = 0;
    for (long seq = next; seq <= available; seq++) {
      sum += ring.get(seq).arg0;
    }
    if (available >= next) {
      consumed.set(available);
    }
    checksum += sum;
    return sum;
  }
}
