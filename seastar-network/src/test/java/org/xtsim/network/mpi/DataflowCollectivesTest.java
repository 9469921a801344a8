package org.xtsim.network.mpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.xtsim.network.collectives.Collective;
import org.xtsim.network.imb.CollectiveLoop;
import org.xtsim.network.seastar.SeastarParams;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.network.topology.Placement;
import org.xtsim.network.topology.Torus;

class DataflowCollectivesTest {
  private static final SeastarSpec IDLE_LINKS =
      new SeastarSpec(
          Torus.torus(4, 4, 4),
          SeastarParams.seastar().withLinkContention(false),
          Placement.snake(),
          1);

  private static final ComputeTimer NOISY =
      (node, startPs, phaseId, amount, random) ->
          startPs + amount * 1000 + (long) random.nextExponential(50_000);

  /** 2,048 nodes: more ranks than entry groups, and passes cut into several blocks. */
  private static final SeastarSpec LARGE_IDLE_LINKS =
      new SeastarSpec(
          Torus.torus(16, 16, 8),
          SeastarParams.seastar().withLinkContention(false),
          Placement.snake(),
          1);

  private static JobResult run(
      CollectiveTiming timing,
      IntFunction<RankProgram> program,
      int ranks,
      ComputeTimer timer,
      int threads) {
    return run(IDLE_LINKS, timing, program, ranks, timer, threads);
  }

  private static JobResult run(
      SeastarSpec network,
      CollectiveTiming timing,
      IntFunction<RankProgram> program,
      int ranks,
      ComputeTimer timer,
      int threads) {
    return MpiJob.builder()
        .network(network)
        .ranks(ranks)
        .program(program.apply(ranks))
        .computeTimer(timer)
        .collectiveTiming(timing)
        .threads(threads)
        .seed(11)
        .build()
        .run();
  }

  private static void assertSameTimesFewerEvents(
      IntFunction<RankProgram> program, int ranks, ComputeTimer timer) {
    JobResult messages = run(CollectiveTiming.MESSAGES, program, ranks, timer, 1);
    JobResult dataflow = run(CollectiveTiming.DATAFLOW, program, ranks, timer, 1);
    assertArrayEquals(messages.finishTimesPs(), dataflow.finishTimesPs());
    assertTrue(
        dataflow.events() < messages.events(),
        dataflow.events() + " events, message level " + messages.events());
  }

  @Test
  void shouldTimeLockstepCollectivesExactlyAsMessagesWhenNothingArrivesEarly() {
    // Every rank enters together and, on a power of two, every round's partner is in step: no
    // message reaches a rank before it posts the round, so the two evaluations agree to the ps.
    assertSameTimesFewerEvents(
        n -> new CollectiveLoop(Collective.ALLREDUCE, 8, 5, n), 64, new FixedRateComputeTimer(1));
    assertSameTimesFewerEvents(
        n -> new CollectiveLoop(Collective.BARRIER, 0, 5, n), 64, new FixedRateComputeTimer(1));
    assertSameTimesFewerEvents(
        n -> new CollectiveLoop(Collective.BARRIER, 0, 5, n), 37, new FixedRateComputeTimer(1));
  }

  @Test
  void shouldTimeHaloExchangesAndAllreducesWithNoisyComputeAsMessages() {
    assertSameTimesFewerEvents(HaloProgram::new, 64, NOISY);
  }

  @Test
  void shouldCutTheEventsOfAnAllreduceToTwoPerRank() {
    int ranks = 64;
    int calls = 5;
    JobResult messages =
        run(
            CollectiveTiming.MESSAGES,
            n -> new CollectiveLoop(Collective.ALLREDUCE, 8, calls, n),
            ranks,
            NOISY,
            1);
    JobResult dataflow =
        run(
            CollectiveTiming.DATAFLOW,
            n -> new CollectiveLoop(Collective.ALLREDUCE, 8, calls, n),
            ranks,
            NOISY,
            1);
    // Message level: per rank and round, the partner's message arrives and the rank steps on;
    // plus the start of each rank. Dataflow: the entry report and the end, per rank and call.
    int rounds = Integer.numberOfTrailingZeros(ranks);
    assertEquals((long) ranks * (1 + calls * 2 * rounds), messages.events());
    assertEquals((long) ranks * (1 + calls * 2), dataflow.events());
  }

  @Test
  void shouldReportEntriesOncePerGroupOnLargeJobs() {
    int ranks = 2048;
    int calls = 3;
    IntFunction<RankProgram> loop = n -> new CollectiveLoop(Collective.ALLREDUCE, 8, calls, n);
    ComputeTimer timer = new FixedRateComputeTimer(1);
    JobResult messages = run(LARGE_IDLE_LINKS, CollectiveTiming.MESSAGES, loop, ranks, timer, 1);
    JobResult dataflow = run(LARGE_IDLE_LINKS, CollectiveTiming.DATAFLOW, loop, ranks, timer, 1);
    assertArrayEquals(messages.finishTimesPs(), dataflow.finishTimesPs());
    // Per rank: its start and, per call, its end; per call and entry group: one report.
    assertEquals((long) ranks * (1 + calls) + (long) EntryGroups.GROUPS * calls, dataflow.events());
  }

  @Test
  void shouldGiveIdenticalResultsAndEventsAtAnyThreadCountOnLargeJobs() {
    // 2,048 ranks: the pass is cut into blocks that idle threads may share, and the entry groups
    // are counted by several partitions; neither may change a result or the event count.
    JobResult one =
        run(LARGE_IDLE_LINKS, CollectiveTiming.DATAFLOW, HaloProgram::new, 2048, NOISY, 1);
    for (int threads : new int[] {2, 4}) {
      JobResult many =
          run(LARGE_IDLE_LINKS, CollectiveTiming.DATAFLOW, HaloProgram::new, 2048, NOISY, threads);
      assertArrayEquals(one.finishTimesPs(), many.finishTimesPs(), threads + " threads");
      assertEquals(one.events(), many.events(), threads + " threads");
    }
  }

  @Test
  void shouldCutARoundByPairsOnlyWhenEveryMessageJoinsARankAndItsPartner() {
    // Recursive doubling on 4,096 ranks, round 11: every rank r talks to r ^ 2048.
    assertTrue(DataflowCollectives.pairsSplit(2048, 4096));
    assertTrue(DataflowCollectives.pairsSplit(512, 2048));
    // Two distances in one round (r ^ peer has two bits somewhere): blocks must hold both ends.
    assertFalse(DataflowCollectives.pairsSplit(2048 | 1024, 4096));
    // A partner beyond the job: 3,000 ranks are not whole runs of 2 x 1,024.
    assertFalse(DataflowCollectives.pairsSplit(1024, 3000));
    assertTrue(DataflowCollectives.pairsSplit(1024, 6144));
  }

  @Test
  void shouldGiveTheSameResultsWhenTheWideRoundsAreCutByPairs() {
    // 4,096 ranks: the pass's blocks hold 512 ranks, so the recursive doubling's rounds over
    // distances 512, 1,024 and 2,048 are cut by pairs; with noisy computation some messages reach
    // their rank before it posts the round, so chains of early arrivals are timed inside the
    // pairs. The message level and the thread count must not see a difference where there is
    // none to see: the same finish times with 1, 2 and 4 threads.
    SeastarSpec net =
        new SeastarSpec(
            Torus.torus(16, 16, 16),
            SeastarParams.seastar().withLinkContention(false),
            Placement.snake(),
            1);
    JobResult one = run(net, CollectiveTiming.DATAFLOW, HaloProgram::new, 4096, NOISY, 1);
    for (int threads : new int[] {2, 4}) {
      JobResult many = run(net, CollectiveTiming.DATAFLOW, HaloProgram::new, 4096, NOISY, threads);
      assertArrayEquals(one.finishTimesPs(), many.finishTimesPs(), threads + " threads");
      assertEquals(one.events(), many.events(), threads + " threads");
    }
    IntFunction<RankProgram> loop = n -> new CollectiveLoop(Collective.ALLREDUCE, 8, 2, n);
    ComputeTimer timer = new FixedRateComputeTimer(1);
    assertArrayEquals(
        run(net, CollectiveTiming.MESSAGES, loop, 4096, timer, 1).finishTimesPs(),
        run(net, CollectiveTiming.DATAFLOW, loop, 4096, timer, 2).finishTimesPs());
  }

  @Test
  void shouldTakeEarlyMessagesInRoundOrderWhenRanksFold() {
    // 60 ranks: the 28 folded ranks' partners run ahead, and their later-round messages reach
    // ranks still in an earlier round. Message level takes them by interrupt when they arrive;
    // dataflow when the round comes. Both charge one receive per message: close, not equal.
    JobResult messages =
        run(
            CollectiveTiming.MESSAGES,
            n -> new CollectiveLoop(Collective.ALLREDUCE, 8, 1, n),
            60,
            new FixedRateComputeTimer(1),
            1);
    JobResult dataflow =
        run(
            CollectiveTiming.DATAFLOW,
            n -> new CollectiveLoop(Collective.ALLREDUCE, 8, 1, n),
            60,
            new FixedRateComputeTimer(1),
            1);
    SeastarParams p = IDLE_LINKS.params();
    // At most one receive (host and NIC) per step of the 7 (fold, 5 rounds, unfold), either way.
    long bound = 7 * (p.hostReceivePs() + p.nicReceiveProcessingPs());
    for (int r = 0; r < 60; r++) {
      long difference = Math.abs(messages.finishTimesPs()[r] - dataflow.finishTimesPs()[r]);
      assertTrue(difference <= bound, "rank " + r + " differs by " + difference + " ps");
    }
  }

  @Test
  void shouldGiveIdenticalResultsWithOneTwoAndFourThreads() {
    JobResult one = run(CollectiveTiming.DATAFLOW, HaloProgram::new, 64, NOISY, 1);
    for (int threads : new int[] {2, 4}) {
      JobResult many = run(CollectiveTiming.DATAFLOW, HaloProgram::new, 64, NOISY, threads);
      assertArrayEquals(one.finishTimesPs(), many.finishTimesPs(), threads + " threads");
      assertEquals(one.events(), many.events(), threads + " threads");
    }
  }

  @Test
  void shouldLeaveCollectivesItDoesNotCoverToTheMessageLevel() {
    // Three ranks (one round too few), a large allreduce (Rabenseifner) and a bcast.
    assertArrayEquals(
        run(CollectiveTiming.MESSAGES, HaloProgram::new, 3, NOISY, 1).finishTimesPs(),
        run(CollectiveTiming.DATAFLOW, HaloProgram::new, 3, NOISY, 1).finishTimesPs());
    for (Collective op : new Collective[] {Collective.ALLREDUCE, Collective.BCAST}) {
      IntFunction<RankProgram> loop = n -> new CollectiveLoop(op, 1 << 16, 2, n);
      JobResult messages = run(CollectiveTiming.MESSAGES, loop, 64, NOISY, 1);
      JobResult dataflow = run(CollectiveTiming.DATAFLOW, loop, 64, NOISY, 1);
      assertArrayEquals(messages.finishTimesPs(), dataflow.finishTimesPs(), op.toString());
      assertEquals(messages.events(), dataflow.events(), op.toString());
    }
  }

  @Test
  void shouldRefuseAProgramWithAMessageInFlightAtTheCollective() {
    // Rank 0 sends to a rank a few hops away and enters the allreduce without waiting; the
    // message is still on its way when the last entry is heard of, one lookahead after time 0.
    int far = 42;
    RankProgram straggler =
        new RankProgram() {
          private final int[] step = new int[64];

          @Override
          public boolean next(int rank, Mpi mpi) {
            switch (step[rank]++) {
              case 0 -> {
                if (rank == 0) {
                  mpi.isend(far, 0, 8);
                }
                mpi.allreduce(8);
              }
              case 1 -> {
                if (rank == far) {
                  mpi.recv(0, 0, 8);
                } else {
                  mpi.waitall();
                }
              }
              default -> {
                return false;
              }
            }
            return true;
          }
        };
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> run(CollectiveTiming.DATAFLOW, n -> straggler, 64, NOISY, 1));
    assertTrue(e.getMessage().contains("in flight"), e.getMessage());
  }

  /** The message of the error building a dataflow-timed barrier job on {@code params} gives. */
  private static String refusal(SeastarParams params, int ranksPerNode) {
    int ranks = 64 * ranksPerNode;
    MpiJob.Builder job =
        MpiJob.builder()
            .network(new SeastarSpec(Torus.torus(4, 4, 4), params, Placement.snake(), ranksPerNode))
            .ranks(ranks)
            .ranksPerNode(ranksPerNode)
            .program(new CollectiveLoop(Collective.BARRIER, 0, 1, ranks))
            .collectiveTiming(CollectiveTiming.DATAFLOW);
    return assertThrows(IllegalArgumentException.class, job::build).getMessage();
  }

  @Test
  void shouldRefuseNetworksAndPlacementsItCannotTime() {
    SeastarParams idle = SeastarParams.seastar().withLinkContention(false);
    String contended = refusal(SeastarParams.seastar(), 1);
    assertTrue(contended.contains("link_contention=false"), contended);
    String twoPerNode = refusal(idle, 2);
    assertTrue(twoPerNode.contains("one rank per node"), twoPerNode);
    // A hop longer than the host's receive overhead: a collective could end sooner after its last
    // entry than the lookahead lets the coordinator announce it.
    String slowHops = refusal(idle.withHopLatencyPs(5_000_000), 1);
    assertTrue(slowHops.contains("host receive overhead"), slowHops);
  }
}
