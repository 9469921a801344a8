package org.xtsim.network.seastar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.network.mpi.MpiJob;
import org.xtsim.network.mpi.RankProgram;
import org.xtsim.network.topology.Placement;
import org.xtsim.network.topology.Torus;

/** The two SeaStar models on one scenario: equal on idle links, apart when a link is shared. */
class SeastarModelsTest {
  private static final long MIB = 1 << 20;

  /** Link 1 GB/s, NIC 4 GB/s: the link, not the NIC, limits a flow. */
  private static final SeastarParams SLOW_LINKS =
      SeastarParams.seastar()
          .withLinkBandwidth(1e9)
          .withNicBandwidth(4e9)
          .withEagerThresholdBytes(4 * MIB);

  /** Nodes (0,0,0) and (1,0,0) send to (2,0,0): both routes take the link (1,0,0) → (2,0,0). */
  private static SeastarSpec line(SeastarParams params) {
    return new SeastarSpec(Torus.mesh(3, 1, 1), params, Placement.explicit(0, 1, 2), 1);
  }

  /**
   * Rank 2 receives {@code bytes} from rank 0 and from rank 1. Concurrent: both send at once.
   * Otherwise rank 1 sends only once rank 2 has rank 0's message and told it so (an empty message),
   * so one message at a time is on the network. Records when each rank's steps begin: a step after
   * a blocking receive begins when its message is delivered (and the host has taken it).
   */
  private static final class ToRankTwo implements RankProgram {
    private final long bytes;
    private final boolean concurrent;
    private final int[] step = new int[3];
    final long[][] stepPs = new long[3][4];

    ToRankTwo(long bytes, boolean concurrent) {
      this.bytes = bytes;
      this.concurrent = concurrent;
    }

    @Override
    public boolean next(int rank, Mpi mpi) {
      int s = step[rank]++;
      stepPs[rank][s] = mpi.nowPs();
      if (rank == 0) {
        if (s == 0) {
          mpi.send(2, 0, bytes);
        }
        return s == 0;
      }
      if (rank == 1) {
        if (s == 0 && !concurrent) {
          mpi.recv(2, 1, 0);
          return true;
        }
        if (s == (concurrent ? 0 : 1)) {
          mpi.send(2, 0, bytes);
          return true;
        }
        return false;
      }
      if (concurrent) {
        if (s == 0) {
          mpi.irecv(0, 0, bytes);
          mpi.irecv(1, 0, bytes);
          mpi.waitall();
        }
        return s == 0;
      }
      switch (s) {
        case 0 -> mpi.recv(0, 0, bytes);
        case 1 -> mpi.send(1, 1, 0);
        case 2 -> mpi.recv(1, 0, bytes);
        default -> {
          return false;
        }
      }
      return true;
    }
  }

  private static ToRankTwo run(SeastarParams params, long bytes, boolean concurrent) {
    ToRankTwo program = new ToRankTwo(bytes, concurrent);
    MpiJob.builder().network(line(params)).ranks(3).program(program).build().run();
    return program;
  }

  @Test
  void shouldBuildTheModelTheParamsAskFor() {
    int[] ranks = {0, 1, 2};
    NetworkModel contended = line(SLOW_LINKS).create(ranks);
    NetworkModel idle = line(SLOW_LINKS.withLinkContention(false)).create(ranks);
    assertInstanceOf(ContendedSeastarNetwork.class, contended);
    assertInstanceOf(IdleLinkSeastarNetwork.class, idle);
    assertNull(contended.idleLinkTiming(), "contended links have no per-message timing");
    assertSame(idle, idle.idleLinkTiming());
    assertEquals(3 * 6, contended.linkBytes().length, "six ports a node");
    assertEquals(0, idle.linkBytes().length, "no ports without contention");
  }

  @Test
  void shouldDeliverAtTheSameTimesWhenOneMessageAtATimeCrossesIdleLinks() {
    for (Switching switching : Switching.values()) {
      SeastarParams params = SLOW_LINKS.withSwitching(switching);
      // One small message, one full packet, and many packets with a partial last one.
      for (long bytes : new long[] {8, params.packetBytes(), 10 * params.packetBytes() + 100}) {
        ToRankTwo contended = run(params, bytes, false);
        ToRankTwo idle = run(params.withLinkContention(false), bytes, false);
        for (int rank = 0; rank < 3; rank++) {
          assertArrayEquals(
              contended.stepPs[rank],
              idle.stepPs[rank],
              switching + ", " + bytes + " B, rank " + rank);
        }
        assertTrue(idle.stepPs[2][3] > idle.stepPs[2][2], "rank 2 waited for rank 1's message");
      }
    }
  }

  @Test
  void shouldDeliverLaterWithContentionWhenTwoMessagesShareALink() {
    ToRankTwo contended = run(SLOW_LINKS, MIB, true);
    ToRankTwo idle = run(SLOW_LINKS.withLinkContention(false), MIB, true);
    // Rank 2 has both messages: over idle links each flow has the link (1 GB/s) to itself, about
    // 1 ms for 1 MiB; contended, the two share it, about 2 ms.
    double idleMs = idle.stepPs[2][1] * 1e-9;
    double contendedMs = contended.stepPs[2][1] * 1e-9;
    assertEquals(MIB * 1e-6, idleMs, 0.02, "idle-link delivery, ms");
    assertEquals(2 * MIB * 1e-6, contendedMs, 0.04, "contended delivery, ms");
    // The senders' NICs are as fast either way: only the link makes the difference.
    assertArrayEquals(contended.stepPs[0], idle.stepPs[0], "rank 0");
  }
}
