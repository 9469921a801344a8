package org.xtsim.network.seastar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xtsim.network.mpi.FixedRateComputeTimer;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.network.mpi.MpiJob;
import org.xtsim.network.mpi.RankProgram;
import org.xtsim.network.topology.Placement;
import org.xtsim.network.topology.Torus;

/**
 * The NIC's DMA engine shares itself packet by packet between long (rendezvous) messages handed
 * over close together, so that which clear-to-send wins a race of a few nanoseconds does not decide
 * which message waits a whole message time: the race that made a CTH run faster with more VMM cost
 * (issue 18).
 */
class DmaSharingTest {
  private static final long MESSAGE_BYTES = 800_000;
  private static final int PACKET_BYTES = 65_536;

  /**
   * Rank 0 sends one long message to rank 1 and one to rank 2; each receiver computes for its own
   * time (1 ps per unit) before posting its receive, which decides when its clear-to-send reaches
   * rank 0.
   */
  private static final class OneToTwo implements RankProgram {
    private final long[] computePs;
    private final byte[] stage = new byte[3];

    OneToTwo(long computePs1, long computePs2) {
      this.computePs = new long[] {0, computePs1, computePs2};
    }

    @Override
    public boolean next(int rank, Mpi mpi) {
      switch (stage[rank]++) {
        case 0 -> {
          if (rank == 0) {
            mpi.isend(1, 0, MESSAGE_BYTES);
            mpi.isend(2, 0, MESSAGE_BYTES);
            mpi.waitall();
          } else {
            mpi.compute(0, computePs[rank]);
          }
          return true;
        }
        case 1 -> {
          if (rank == 0) {
            return false;
          }
          mpi.recv(0, 0, MESSAGE_BYTES);
          return true;
        }
        default -> {
          return false;
        }
      }
    }
  }

  private static JobResult run(boolean contention, long computePs1, long computePs2) {
    SeastarParams params =
        SeastarParams.seastar().withPacketBytes(PACKET_BYTES).withLinkContention(contention);
    SeastarSpec spec = new SeastarSpec(Torus.mesh(3, 1, 1), params, Placement.explicit(0, 1, 2), 1);
    return MpiJob.builder()
        .network(spec)
        .ranks(3)
        .computeTimer(new FixedRateComputeTimer(1))
        .program(new OneToTwo(computePs1, computePs2))
        .build()
        .run();
  }

  private static long messageDmaPs() {
    return Math.round(MESSAGE_BYTES * 1e12 / SeastarParams.SEASTAR_NIC_BANDWIDTH);
  }

  private static long packetDmaPs() {
    return Math.round(PACKET_BYTES * 1e12 / SeastarParams.SEASTAR_NIC_BANDWIDTH);
  }

  @ParameterizedTest(name = "link contention {0}")
  @ValueSource(booleans = {false, true})
  void shouldShareTheDmaEngineBetweenTwoLongMessagesHandedOverTogether(boolean contention) {
    long computePs = 50_000_000;
    JobResult r = run(contention, computePs, computePs);
    long receive1 = r.finishPs(1) - computePs;
    long receive2 = r.finishPs(2) - computePs;
    // One after the other, the second would arrive a whole message time after the first; shared,
    // both take about two message times and arrive within a packet of each other.
    assertTrue(
        Math.abs(receive1 - receive2) <= packetDmaPs(),
        "receives end " + receive1 + " and " + receive2 + " ps after the receivers posted");
    assertEquals(2.0 * messageDmaPs(), Math.max(receive1, receive2), 0.05 * messageDmaPs());
    assertEquals(r.finishPs(0), Math.max(r.finishPs(1), r.finishPs(2)), 0.05 * messageDmaPs());
  }

  /**
   * Rank 2's clear-to-send arrives 0.2 µs before or 0.2 µs after (beyond the extra hop) rank 1's.
   * Served whole in hand-over order, the message that lost the race would be a whole message time
   * (727 µs) later; shared, the race moves each arrival by at most a packet's DMA time.
   */
  @ParameterizedTest(name = "link contention {0}")
  @ValueSource(booleans = {false, true})
  void shouldNotLetARaceOfLessThanAMicrosecondMoveAMessageByAMessageTime(boolean contention) {
    long computePs = 50_000_000;
    long racePs = 200_000;
    JobResult rank2First = run(contention, computePs, computePs - racePs);
    JobResult rank1First = run(contention, computePs, computePs + racePs);
    for (int rank = 1; rank <= 2; rank++) {
      long moved = Math.abs(rank2First.finishPs(rank) - rank1First.finishPs(rank));
      assertTrue(
          moved <= packetDmaPs(),
          "rank " + rank + "'s receive moved by " + moved + " ps for a race of " + racePs + " ps");
    }
  }
}
