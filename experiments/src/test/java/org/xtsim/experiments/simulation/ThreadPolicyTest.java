package org.xtsim.experiments.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThreadPolicyTest {
  @Test
  void shouldGiveEachThreadAtLeast256NodesAndNeverFewerThanOneThread() {
    assertEquals(1, SimulationPointRunner.threadsFor(16, 2));
    assertEquals(1, SimulationPointRunner.threadsFor(511, 2));
    assertEquals(2, SimulationPointRunner.threadsFor(512, 2));
    assertEquals(2, SimulationPointRunner.threadsFor(4096, 2));
    assertEquals(1, SimulationPointRunner.threadsFor(4096, 1));
    assertEquals(4, SimulationPointRunner.threadsFor(1024, 8));
  }
}
