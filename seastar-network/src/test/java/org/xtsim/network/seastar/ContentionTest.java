package org.xtsim.network.seastar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.network.collectives.Collective;
import org.xtsim.network.imb.CollectiveLoop;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.network.mpi.MpiJob;
import org.xtsim.network.mpi.RankProgram;
import org.xtsim.network.topology.Placement;
import org.xtsim.network.topology.Torus;

class ContentionTest {
  private static final long MIB = 1 << 20;

  /** Link 1 GB/s, NIC 4 GB/s: the link, not the NIC, limits a flow. */
  private static final SeastarParams SLOW_LINKS =
      SeastarParams.seastar()
          .withLinkBandwidth(1e9)
          .withNicBandwidth(4e9)
          .withEagerThresholdBytes(4 * MIB);

  /** Ranks 0 and 1 each send one message to rank 2; rank 2 receives both. */
  private static final class TwoFlows implements RankProgram {
    private final boolean[] started = new boolean[3];
    private final long bytes;
    private final boolean secondFlow;

    TwoFlows(long bytes, boolean secondFlow) {
      this.bytes = bytes;
      this.secondFlow = secondFlow;
    }

    @Override
    public boolean next(int rank, Mpi mpi) {
      if (started[rank] || (rank == 1 && !secondFlow)) {
        return false;
      }
      started[rank] = true;
      if (rank == 2) {
        mpi.irecv(0, 0, bytes);
        if (secondFlow) {
          mpi.irecv(1, 0, bytes);
        }
        mpi.waitall();
      } else {
        mpi.send(2, 0, bytes);
      }
      return true;
    }
  }

  private static JobResult flows(boolean two) {
    // Nodes (0,0,0) -> (2,0,0) and (1,0,0) -> (2,0,0) share the link (1,0,0) -> (2,0,0).
    Torus mesh = Torus.mesh(3, 1, 1);
    SeastarSpec spec = new SeastarSpec(mesh, SLOW_LINKS, Placement.explicit(0, 1, 2), 1);
    return MpiJob.builder().network(spec).ranks(3).program(new TwoFlows(MIB, two)).build().run();
  }

  @Test
  void shouldGiveTwoFlowsOverOneLinkHalfItsBandwidthEach() {
    JobResult one = flows(false);
    JobResult two = flows(true);
    double aloneBytesPerSecond = MIB / (one.completionPs() * 1e-12);
    double sharedBytesPerSecond = MIB / (two.completionPs() * 1e-12);
    assertEquals(1e9, aloneBytesPerSecond, 0.01e9, "one flow runs at the link rate");
    assertEquals(0.5e9, sharedBytesPerSecond, 0.01e9, "two flows get half each");
    assertEquals(2 * MIB, two.linkBytes(1, 0), "the shared link carried both messages");
    assertTrue(two.linkUtilisation(1, 0) > 0.98, "the shared link was busy throughout");
  }

  /**
   * Pairwise exchange: in step i every rank sends 64 KiB to rank + i, so routes of many pairs share
   * links; the same network with idle-link timing (no contention) is the baseline.
   */
  @Test
  void shouldMakeAlltoallSlowerOnATorusThanWithoutContention() {
    Torus torus = Torus.torus(4, 4, 2);
    SeastarParams params =
        SeastarParams.seastar().withNicBandwidth(4e9).withLinkBandwidth(2e9).withPacketBytes(2048);
    long contended = alltoall(torus, params);
    long free = alltoall(torus, params.withLinkContention(false));
    assertTrue(
        contended > 1.2 * free,
        "all-to-all with contention " + contended + " ps, without " + free + " ps");
  }

  private static long alltoall(Torus torus, SeastarParams params) {
    int ranks = torus.nodes();
    return MpiJob.builder()
        .network(new SeastarSpec(torus, params, Placement.contiguous(), 1))
        .ranks(ranks)
        .program(new CollectiveLoop(Collective.ALLTOALL, 64 * 1024, 1, ranks))
        .build()
        .run()
        .completionPs();
  }
}
