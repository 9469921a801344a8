package org.xtsim.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;

class EventQueueTest {
  @Test
  void shouldPopInTimeThenSourceThenSequenceOrderAcrossGrowth() {
    EventQueue q = new EventQueue(16);
    SplittableRandom random = new SplittableRandom(42);
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      q.push(random.nextInt(50), random.nextInt(8), random.nextInt(1_000_000), 0, 0, i, 0, 0);
    }
    long prevTime = -1;
    long prevSource = -1;
    long prevSeq = -1;
    for (int i = 0; i < n; i++) {
      int slot = q.pop();
      long t = q.field(slot, EventQueue.TIME);
      long s = q.field(slot, EventQueue.SOURCE);
      long seq = q.field(slot, EventQueue.SEQ);
      q.release(slot);
      boolean ordered =
          t > prevTime
              || (t == prevTime && (s > prevSource || (s == prevSource && seq >= prevSeq)));
      assertTrue(ordered, "event " + i + " out of order");
      prevTime = t;
      prevSource = s;
      prevSeq = seq;
    }
    assertTrue(q.isEmpty());
    assertEquals(SimTime.NEVER, q.peekTime());
  }

  @Test
  void shouldCarryEveryFieldThroughThePool() {
    EventQueue q = new EventQueue(16);
    q.push(5, 3, 9, 4, 7, -1, Long.MAX_VALUE, 42);
    int slot = q.pop();
    assertEquals(5, q.field(slot, EventQueue.TIME));
    assertEquals(3, q.field(slot, EventQueue.SOURCE));
    assertEquals(9, q.field(slot, EventQueue.SEQ));
    assertEquals(4, q.field(slot, EventQueue.TARGET));
    assertEquals(7, q.field(slot, EventQueue.TYPE));
    assertEquals(-1, q.field(slot, EventQueue.ARG0));
    assertEquals(Long.MAX_VALUE, q.field(slot, EventQueue.ARG1));
    assertEquals(42, q.field(slot, EventQueue.ARG2));
  }
}
