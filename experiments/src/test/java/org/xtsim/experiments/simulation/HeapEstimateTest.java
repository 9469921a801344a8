package org.xtsim.experiments.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.network.NetworkParams;
import org.xtsim.params.ParamValues;

class HeapEstimateTest {
  private static HeapEstimate estimate(int nodes, boolean contention, long inFlightBytes) {
    ParamValues machine =
        ParamValues.of(NetworkParams.ALL, Map.of(NetworkParams.LINK_CONTENTION.key(), contention));
    return HeapEstimate.of(nodes, NetworkParams.spec(machine, nodes), inFlightBytes);
  }

  @Test
  void shouldGrowWithNodesAndWithLinkContention() {
    HeapEstimate small = estimate(1024, false, 0);
    HeapEstimate big = estimate(1_048_576, false, 0);
    assertEquals(HeapEstimate.FIXED_BYTES + 1024 * HeapEstimate.BYTES_PER_NODE, small.bytes());
    assertTrue(big.bytes() > 2L << 30 && big.bytes() < 3L << 30, HeapEstimate.format(big.bytes()));
    assertTrue(estimate(1024, true, 0).bytes() > small.bytes());
    // 4.8 MB of faces in flight: 1,172 SeaStar packets of 4 KiB, 74 of 64 KiB, pending per rank.
    long faces = 6 * 800_000;
    assertEquals(
        small.bytes() + 1024L * 1172 * HeapEstimate.BYTES_PER_PACKET_IN_FLIGHT,
        estimate(1024, false, faces).bytes());
  }

  @Test
  void shouldRefuseAMachineThatDoesNotFitWithTheXmxItNeeds() {
    HeapEstimate e = estimate(1_048_576, false, 0);
    assertTrue(e.fits(8L << 30));
    assertFalse(e.fits(1L << 30));
    IllegalArgumentException x =
        assertThrows(IllegalArgumentException.class, () -> e.requireFits(1L << 30));
    assertTrue(x.getMessage().startsWith("1,048,576 nodes need about 2.3 GiB"), x.getMessage());
    assertTrue(x.getMessage().contains("at most 1.0 GiB"), x.getMessage());
    assertTrue(x.getMessage().contains("-Xmx3g"), x.getMessage());
  }
}
