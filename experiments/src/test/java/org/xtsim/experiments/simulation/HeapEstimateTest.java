package org.xtsim.experiments.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.RunPoint;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.network.seastar.SeastarParams;
import org.xtsim.network.seastar.SeastarSpec;

class HeapEstimateTest {
  private static RunPoint point(int nodes, boolean contention) {
    return new RunPoint(
        "p",
        "hpccg",
        "c",
        nodes,
        0,
        1,
        Map.of(),
        Map.of("vmm", "native", "guest", "cnl"),
        Map.of("link_contention", contention),
        Map.of());
  }

  private static HeapEstimate estimate(RunPoint point, long sendBytesInFlightPerRank) {
    return HeapEstimate.of(
        point.nodes(),
        new SimulationPointRunner().config(point).network(),
        sendBytesInFlightPerRank);
  }

  @Test
  void shouldGrowWithNodesAndWithLinkContention() {
    HeapEstimate small = estimate(point(1024, false), 0);
    HeapEstimate big = estimate(point(1_048_576, false), 0);
    assertEquals(HeapEstimate.FIXED_BYTES + 1024 * HeapEstimate.BYTES_PER_NODE, small.bytes());
    assertTrue(big.bytes() > 2L << 30 && big.bytes() < 3L << 30, HeapEstimate.format(big.bytes()));
    assertTrue(estimate(point(1024, true), 0).bytes() > small.bytes());
    // 4.8 MB of faces in flight: 1,172 SeaStar packets of 4 KiB, 74 of 64 KiB, pending per rank.
    long faces = 6 * 800_000;
    assertEquals(
        small.bytes() + 1024L * 1172 * SeastarSpec.HEAP_BYTES_PER_PACKET_IN_FLIGHT,
        estimate(point(1024, false), faces).bytes());
  }

  @Test
  void shouldRefuseAMachineThatDoesNotFitWithTheXmxItNeeds() {
    HeapEstimate e = estimate(point(1_048_576, false), 0);
    assertTrue(e.fits(8L << 30));
    assertFalse(e.fits(1L << 30));
    IllegalArgumentException x =
        assertThrows(IllegalArgumentException.class, () -> e.requireFits(1L << 30));
    assertTrue(x.getMessage().startsWith("1,048,576 nodes need about 2.0 GiB"), x.getMessage());
    assertTrue(x.getMessage().contains("at most 1.0 GiB"), x.getMessage());
    assertTrue(x.getMessage().contains("-Xmx3g"), x.getMessage());
  }

  /**
   * The estimate before the network specs reported their own part, with its per-node constants:
   * 2,048 B per node, 640 B more with link contention, 160 B per SeaStar packet in flight.
   */
  private static long previousFormula(
      int nodes, NetworkSpec network, long sendBytesInFlightPerRank) {
    long perNode = 2048;
    if (network instanceof SeastarSpec seastar) {
      if (seastar.params().linkContention()) {
        perNode += 640;
      }
      long packet = seastar.params().packetBytes();
      perNode += (sendBytesInFlightPerRank + packet - 1) / packet * 160;
    }
    return HeapEstimate.FIXED_BYTES + perNode * nodes;
  }

  @Test
  void shouldGiveThePreviousEstimateForEveryNetworkPacketSizeAndLoad() {
    List<NetworkSpec> networks = new ArrayList<>();
    SeastarSpec redstorm = SeastarSpec.preset("redstorm");
    for (int packet : new int[] {1, 1024, SeastarParams.DEFAULT_PACKET_BYTES, 65_536}) {
      for (boolean contention : new boolean[] {true, false}) {
        networks.add(
            redstorm.withParams(
                redstorm.params().withPacketBytes(packet).withLinkContention(contention)));
      }
    }
    networks.add(LogGopsParams.defaults());
    long[] inFlight = {0, 1, 4095, 4096, 4097, 65_537, 6 * 800_000, 1L << 33};
    for (NetworkSpec network : networks) {
      for (long bytes : inFlight) {
        for (int nodes : new int[] {1, 1024, 12_960, 1_048_576}) {
          assertEquals(
              previousFormula(nodes, network, bytes),
              HeapEstimate.of(nodes, network, bytes).bytes(),
              network + ", " + bytes + " B in flight, " + nodes + " nodes");
        }
      }
    }
    // The parts, as the specs report them.
    SeastarSpec contended = redstorm.withParams(redstorm.params().withPacketBytes(4096));
    assertEquals(640 + 2 * 160, contended.heapBytesPerNode(4097));
    assertEquals(
        2 * 160,
        contended.withParams(contended.params().withLinkContention(false)).heapBytesPerNode(4097));
    assertEquals(0, LogGopsParams.defaults().heapBytesPerNode(1L << 33));
  }
}
