package org.xtsim.engine.phold;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing per event: a sequential PHOLD run four times longer (four times
 * the events) allocates, on the running thread, no more than the same fixed setup plus noise.
 */
class AllocationTest {
  private static long allocatedBytes(double end) {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = bean.getCurrentThreadAllocatedBytes();
    PholdResult r = PholdModel.run(new PholdConfig(2_048, 1, 0.25, 1.0, 2.0, end, 1, 11));
    long after = bean.getCurrentThreadAllocatedBytes();
    assertTrue(r.statistics().committedEvents() > end * 2_048 / 2 * 0.9);
    return after - before;
  }

  @Test
  void shouldNotAllocatePerEventInSteadyState() {
    allocatedBytes(100); // warm up class loading and the JIT
    long shortRun = allocatedBytes(200); // ~205 k events
    long longRun = allocatedBytes(800); // ~819 k events
    long extraEvents = 614_000;
    // Even 1 byte per event would be 600 kB; allow 64 kB for incidental JVM activity.
    assertTrue(
        longRun - shortRun < 64 * 1024,
        "allocated " + (longRun - shortRun) + " more bytes for " + extraEvents + " more events");
  }
}
