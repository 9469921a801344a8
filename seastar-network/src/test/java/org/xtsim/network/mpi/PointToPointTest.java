package org.xtsim.network.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;
import org.xtsim.network.NicCosts;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.network.seastar.SeastarSpec;

class PointToPointTest {
  private static final long L = SimTime.us(2);
  private static final long O = SimTime.us(1);
  private static final LogGopsParams NET = new LogGopsParams(L, O, SimTime.ns(100), 1, 0, 1000);

  /** A program given as one lambda per rank call, with a per-rank call counter. */
  private static RankProgram script(int ranks, Step step) {
    int[] calls = new int[ranks];
    return (rank, mpi) -> step.run(rank, calls[rank]++, mpi);
  }

  @FunctionalInterface
  interface Step {
    boolean run(int rank, int call, Mpi mpi);
  }

  private static JobResult run(int ranks, Step step) {
    return MpiJob.builder().network(NET).ranks(ranks).program(script(ranks, step)).build().run();
  }

  @Test
  void shouldTakeOPlusLPlusOForAnEagerMessage() {
    JobResult r =
        run(
            2,
            (rank, call, mpi) -> {
              if (call > 0) {
                return false;
              }
              if (rank == 0) {
                mpi.send(1, 5, 8);
              } else {
                mpi.recv(0, 5, 8);
              }
              return true;
            });
    assertEquals(O, r.finishPs(0));
    assertEquals(O + L + 7 + O, r.finishPs(1));
  }

  @Test
  void shouldMatchByTagOutOfArrivalOrderThroughTheUnexpectedQueue() {
    JobResult r =
        run(
            2,
            (rank, call, mpi) -> {
              if (rank == 0) {
                if (call == 0) {
                  mpi.isend(1, 1, 8);
                  mpi.isend(1, 2, 8);
                  mpi.waitall();
                  return true;
                }
                return false;
              }
              switch (call) {
                case 0 -> mpi.recv(Mpi.ANY_SOURCE, 2, 8);
                case 1 -> mpi.recv(0, Mpi.ANY_TAG, 8);
                default -> {
                  return false;
                }
              }
              return true;
            });
    // Tag 1 arrives first and waits as unexpected (its receive overhead taken on arrival); tag 2
    // arrives one send overhead later and completes the first receive; the second receive then
    // finds tag 1 already taken.
    assertEquals(O + O + L + 7 + O, r.finishPs(1));
  }

  @Test
  void shouldUseRendezvousAboveTheEagerThreshold() {
    long bytes = 5000;
    JobResult r =
        run(
            2,
            (rank, call, mpi) -> {
              if (call > 0) {
                return false;
              }
              if (rank == 0) {
                mpi.send(1, 0, bytes);
              } else {
                mpi.recv(0, 0, bytes);
              }
              return true;
            });
    long control = O + L + O; // a zero-byte message, sender CPU to receiver CPU
    long data = O + L + (bytes - 1) + O;
    assertEquals(2 * control + data, r.finishPs(1), "RTS, CTS, then the data");
    assertEquals(2 * control + O, r.finishPs(0), "the send completes once the data is handed off");
  }

  @Test
  void shouldLetComputationOverlapANonBlockingReceive() {
    FixedRateComputeTimer timer = new FixedRateComputeTimer(1000);
    JobResult r =
        MpiJob.builder()
            .network(NET)
            .ranks(2)
            .computeTimer(timer)
            .program(
                script(
                    2,
                    (rank, call, mpi) -> {
                      if (rank == 0) {
                        if (call == 0) {
                          mpi.send(1, 0, 8);
                          return true;
                        }
                        return false;
                      }
                      switch (call) {
                        case 0 -> mpi.irecv(0, 0, 8);
                        case 1 -> mpi.compute(0, 10_000);
                        case 2 -> mpi.waitall();
                        default -> {
                          return false;
                        }
                      }
                      return true;
                    }))
            .build()
            .run();
    // The message arrives during the 10 us of work; its receive overhead o extends the work.
    assertEquals(SimTime.us(10) + O, r.finishPs(1));
  }

  @Test
  void shouldRejectASendToARankThatDoesNotExist() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                run(
                    2,
                    (rank, call, mpi) -> {
                      if (call > 0) {
                        return false;
                      }
                      mpi.send(2, 0, 8);
                      return true;
                    }));
    assertEquals("rank 0 sent to rank 2, which does not exist (ranks 0..1)", e.getMessage());
  }

  @Test
  void shouldRejectMoreRanksPerNodeThanCores() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MpiJob.builder()
                    .network(SeastarSpec.preset("redstorm"))
                    .ranks(4)
                    .ranksPerNode(4)
                    .program((rank, mpi) -> false)
                    .build());
    assertTrue(e.getMessage().contains("more ranks than cores"), e.getMessage());
  }

  @Test
  void shouldReportADeadlockInsteadOfReturning() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                run(
                    2,
                    (rank, call, mpi) -> {
                      if (call > 0) {
                        return false;
                      }
                      mpi.recv(1 - rank, 0, 8);
                      return true;
                    }));
    assertTrue(e.getMessage().startsWith("2 of 2 ranks never finished"), e.getMessage());
  }

  @Test
  void shouldAnswerAnUnexpectedRendezvousRequestWhenTheReceiveIsPosted() {
    long bytes = 5000;
    JobResult r =
        MpiJob.builder()
            .network(NET)
            .ranks(2)
            .computeTimer(new FixedRateComputeTimer(1000))
            .program(
                script(
                    2,
                    (rank, call, mpi) -> {
                      if (rank == 0) {
                        if (call == 0) {
                          mpi.send(1, 0, bytes);
                          return true;
                        }
                        return false;
                      }
                      switch (call) {
                        case 0 -> mpi.compute(0, 20_000);
                        case 1 -> mpi.recv(0, 0, bytes);
                        default -> {
                          return false;
                        }
                      }
                      return true;
                    }))
            .build()
            .run();
    // The request to send arrives during 20 us of work (its receive overhead extends it); the
    // clear-to-send goes out when the receive is posted, then the data follows.
    long work = SimTime.us(20) + O;
    long clearToSend = O + L + O;
    long data = O + L + (bytes - 1) + O;
    assertEquals(work + clearToSend + data, r.finishPs(1));
  }

  @Test
  void shouldAddTheNicCostsOfTheVmmToEveryMessage() {
    long extraSend = SimTime.ns(300);
    long extraReceive = SimTime.ns(700);
    NicCosts emulated =
        new NicCosts() {
          @Override
          public long sendOverheadPs(int node, long bytes, long nativePs) {
            return nativePs + extraSend;
          }

          @Override
          public long receiveOverheadPs(int node, long bytes, long nativePs) {
            return nativePs + extraReceive;
          }
        };
    JobResult r =
        MpiJob.builder()
            .network(NET)
            .ranks(2)
            .nicCosts(emulated)
            .program(
                script(
                    2,
                    (rank, call, mpi) -> {
                      if (call > 0) {
                        return false;
                      }
                      if (rank == 0) {
                        mpi.send(1, 5, 8);
                      } else {
                        mpi.recv(0, 5, 8);
                      }
                      return true;
                    }))
            .build()
            .run();
    assertEquals(O + extraSend + L + 7 + O + extraReceive, r.finishPs(1));
  }

  @Test
  void shouldChargeARendezvousAnswerSentByInterruptToTheComputationItInterrupts() {
    long big = 100_000; // rendezvous: the sender computes when the clear-to-send comes back
    long work = 100_000; // units of 1,000 ps: 100 us
    JobResult r =
        run(
            2,
            (rank, call, mpi) -> {
              if (rank == 0) {
                switch (call) {
                  case 0 -> {
                    mpi.isend(1, 3, big);
                    mpi.compute(0, work);
                  }
                  case 1 -> mpi.waitall();
                  default -> {
                    return false;
                  }
                }
                return true;
              }
              if (call > 0) {
                return false;
              }
              mpi.recv(0, 3, big);
              return true;
            });
    // The computation starts after the request-to-send (o) and is interrupted twice: taking the
    // clear-to-send (o) and posting the data (o).
    assertEquals(O + SimTime.us(100) + O + O, r.finishPs(0));
  }
}
