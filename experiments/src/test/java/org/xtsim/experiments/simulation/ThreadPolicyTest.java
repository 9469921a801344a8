package org.xtsim.experiments.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xtsim.network.mpi.CollectiveTiming;

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

  @Test
  void shouldGiveEachThreadAtLeast2048NodesWhenCollectivesAreTimedInOnePass() {
    CollectiveTiming dataflow = CollectiveTiming.DATAFLOW;
    assertEquals(1, SimulationPointRunner.threadsFor(2048, 2, dataflow));
    assertEquals(1, SimulationPointRunner.threadsFor(4095, 2, dataflow));
    assertEquals(2, SimulationPointRunner.threadsFor(4096, 2, dataflow));
    assertEquals(3, SimulationPointRunner.threadsFor(6144, 4, dataflow));
    assertEquals(2, SimulationPointRunner.threadsFor(4096, 2, CollectiveTiming.MESSAGES));
  }
}
