package org.xtsim.network.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xtsim.engine.RandomStream;
import org.xtsim.engine.SimTime;
import org.xtsim.network.loggp.LogGopsParams;

/**
 * An interruption stops everything a node does: a message that reaches an interrupted node is taken
 * when the interruption ends, and a rendezvous partner waits for the interrupted node's answer.
 */
class InterruptedNodeTest {
  private static final long L = SimTime.us(2);
  private static final long O = SimTime.us(1);
  private static final LogGopsParams NET = new LogGopsParams(L, O, SimTime.ns(100), 1, 0, 1000);
  private static final long INTERRUPTION_END = SimTime.us(50);

  /** Node {@code node} is interrupted from time 0 to {@link #INTERRUPTION_END}; compute is free. */
  private static ComputeTimer interrupted(int node) {
    return new ComputeTimer() {
      @Override
      public long computeEndPs(int n, long startPs, int phaseId, long amount, RandomStream r) {
        return startPs;
      }

      @Override
      public long hostWorkEndPs(int n, long startPs, long workPs) {
        if (n == node && startPs < INTERRUPTION_END) {
          return INTERRUPTION_END + workPs;
        }
        return startPs + workPs;
      }
    };
  }

  private static JobResult sendOne(long bytes, ComputeTimer timer) {
    int[] calls = new int[2];
    RankProgram program =
        (rank, mpi) -> {
          if (calls[rank]++ > 0) {
            return false;
          }
          if (rank == 0) {
            mpi.send(1, 5, bytes);
          } else {
            mpi.recv(0, 5, bytes);
          }
          return true;
        };
    return MpiJob.builder()
        .network(NET)
        .ranks(2)
        .program(program)
        .computeTimer(timer)
        .build()
        .run();
  }

  @Test
  void shouldTakeAMessageThatArrivesDuringAnInterruptionWhenTheInterruptionEnds() {
    JobResult free = sendOne(8, (n, s, p, a, r) -> s);
    JobResult hit = sendOne(8, interrupted(1));
    assertEquals(O + L + 7 + O, free.finishPs(1), "arrives at o + L + 7 ps, taken at once");
    assertEquals(INTERRUPTION_END + O, hit.finishPs(1), "taken when the interruption is over");
    assertEquals(free.finishPs(0), hit.finishPs(0), "an eager sender does not wait");
  }

  @Test
  void shouldMakeARendezvousSenderWaitForAnInterruptedReceiversAnswer() {
    long big = 100_000; // above the eager threshold: request-to-send, clear-to-send, data
    JobResult free = sendOne(big, (n, s, p, a, r) -> s);
    JobResult hit = sendOne(big, interrupted(1));
    // The receiver answers the request-to-send only after the interruption: the sender's data
    // leaves at least that much later.
    long delay = hit.finishPs(0) - free.finishPs(0);
    long rtsTaken = O + L + O; // when the uninterrupted receiver has taken the request
    assertEquals(INTERRUPTION_END - (rtsTaken - O), delay, SimTime.ns(1));
  }
}
