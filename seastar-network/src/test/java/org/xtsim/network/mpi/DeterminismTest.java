package org.xtsim.network.mpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.collectives.Collective;
import org.xtsim.network.imb.CollectiveLoop;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.network.seastar.SeastarParams;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.network.topology.Placement;
import org.xtsim.network.topology.Torus;

class DeterminismTest {
  private static JobResult run(
      NetworkSpec spec, Collective op, long bytes, int ranks, int threads) {
    return MpiJob.builder()
        .network(spec)
        .ranks(ranks)
        .ranksPerNode(
            spec instanceof SeastarSpec s ? (ranks + s.torus().nodes() - 1) / s.torus().nodes() : 1)
        .program(new CollectiveLoop(op, bytes, 2, ranks))
        .threads(threads)
        .seed(7)
        .build()
        .run();
  }

  private static void assertSameAtAllThreadCounts(
      NetworkSpec spec, Collective op, long bytes, int ranks) {
    JobResult one = run(spec, op, bytes, ranks, 1);
    for (int threads : new int[] {2, 4}) {
      JobResult many = run(spec, op, bytes, ranks, threads);
      assertArrayEquals(one.finishTimesPs(), many.finishTimesPs(), threads + " threads");
      assertEquals(one.events(), many.events(), threads + " threads");
    }
  }

  @Test
  void shouldGiveIdenticalSeastarAlltoallWithOneTwoAndFourThreads() {
    SeastarSpec spec =
        new SeastarSpec(
            Torus.torus(4, 4, 4),
            SeastarParams.seastar().withPacketBytes(1024),
            Placement.random(3),
            1);
    assertSameAtAllThreadCounts(spec, Collective.ALLTOALL, 4096, 64);
  }

  @Test
  void shouldGiveIdenticalResultsWithoutPerHopEventsAtAnyThreadCount() {
    SeastarSpec spec =
        new SeastarSpec(
            Torus.mesh(4, 4, 4),
            SeastarParams.seastar().withLinkContention(false),
            Placement.snake(),
            2);
    assertSameAtAllThreadCounts(spec, Collective.ALLREDUCE, 64 * 1024, 128);
  }

  @Test
  void shouldUseTheHopLatencyAsLookaheadWhenSlabsCrossLinks() {
    SeastarSpec spec =
        new SeastarSpec(Torus.torus(4, 8, 2), SeastarParams.seastar(), Placement.contiguous(), 1);
    JobResult r = run(spec, Collective.BARRIER, 0, 64, 2);
    assertEquals(SeastarParams.DEFAULT_HOP_LATENCY_PS, r.statistics().lookaheadPs());
  }

  @Test
  void shouldCountTheHostSendOverheadInTheLookaheadOfIdleLinkTiming() {
    SeastarParams params = SeastarParams.seastar().withLinkContention(false);
    SeastarSpec spec = new SeastarSpec(Torus.torus(4, 8, 2), params, Placement.contiguous(), 1);
    JobResult r = run(spec, Collective.ALLREDUCE, 8, 64, 2);
    // The host's send overhead, the NIC's send processing and one hop: nothing arrives sooner.
    assertEquals(
        params.hostSendOverheadPs() + params.nicSendProcessingPs() + params.hopLatencyPs(),
        r.statistics().lookaheadPs());
  }

  @Test
  void shouldGiveIdenticalLogGopsAllreduceWithOneTwoAndFourThreads() {
    assertSameAtAllThreadCounts(LogGopsParams.defaults(), Collective.ALLREDUCE, 8, 1000);
    assertSameAtAllThreadCounts(LogGopsParams.defaults(), Collective.ALLREDUCE, 1 << 20, 100);
  }

  @Test
  void shouldGiveIdenticalHaloExchangesWithNoisyComputeAtAnyThreadCount() {
    ComputeTimer noisy =
        (node, startPs, phaseId, amount, random) ->
            startPs + amount * 1000 + (long) random.nextExponential(50_000);
    SeastarSpec spec =
        new SeastarSpec(Torus.torus(4, 4, 4), SeastarParams.seastar(), Placement.snake(), 2);
    long[] reference = null;
    for (int threads : new int[] {1, 2, 4}) {
      JobResult r =
          MpiJob.builder()
              .network(spec)
              .ranks(128)
              .ranksPerNode(2)
              .program(new HaloProgram(128))
              .computeTimer(noisy)
              .threads(threads)
              .seed(11)
              .build()
              .run();
      if (reference == null) {
        reference = r.finishTimesPs();
      } else {
        assertArrayEquals(reference, r.finishTimesPs(), threads + " threads");
      }
    }
  }
}
