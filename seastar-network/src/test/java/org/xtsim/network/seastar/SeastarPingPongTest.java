package org.xtsim.network.seastar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.network.imb.PingPong;
import org.xtsim.network.mpi.MpiJob;
import org.xtsim.network.topology.Placement;
import org.xtsim.network.topology.Torus;

class SeastarPingPongTest {
  private static PingPong pingPong(SeastarSpec spec, int a, int b, long... sizes) {
    PingPong program = new PingPong(sizes, 4);
    MpiJob.builder()
        .network(spec.withPlacement(Placement.explicit(a, b)))
        .ranks(2)
        .program(program)
        .build()
        .run();
    return program;
  }

  @Test
  void shouldPutNearestNeighbourLatencyInThePublishedRange() {
    SeastarSpec spec = SeastarSpec.preset("redstorm");
    PingPong p = pingPong(spec, 0, spec.torus().node(1, 0, 0), 8);
    double us = p.oneWayPs(0) / 1e6;
    assertTrue(us >= 2.0 && us < 6.0, "nearest-neighbour one-way latency " + us + " us");
  }

  @Test
  void shouldGrowLatencyByOneHopLatencyPerHop() {
    SeastarSpec spec = SeastarSpec.preset("redstorm");
    Torus t = spec.torus();
    double near = pingPong(spec, 0, t.node(1, 0, 0), 8).oneWayPs(0);
    int far = t.farthestFrom(0);
    double farthest = pingPong(spec, 0, far, 8).oneWayPs(0);
    int hops = t.hops(0, far);
    assertEquals(26 + 19 + 23, hops);
    assertEquals((hops - 1) * SeastarParams.DEFAULT_HOP_LATENCY_PS, farthest - near, 1.0);
  }

  @Test
  void shouldApproachTheNicRateForOneMebibyte() {
    SeastarSpec spec = SeastarSpec.preset("redstorm");
    PingPong p = pingPong(spec, 0, 1, 1 << 20);
    double gbs = p.bandwidthBytesPerSecond(0) / 1e9;
    double nic = SeastarParams.SEASTAR_NIC_BANDWIDTH / 1e9;
    assertTrue(gbs > 0.95 * nic && gbs < nic, "1 MiB bandwidth " + gbs + " GB/s");
    PingPong p2 = pingPong(SeastarSpec.preset("seastar2"), 0, 1, 1 << 20);
    double gbs2 = p2.bandwidthBytesPerSecond(0) / 1e9;
    assertTrue(gbs2 > 0.95 * 2.0 && gbs2 < 2.0, "seastar2 1 MiB bandwidth " + gbs2 + " GB/s");
  }

  @Test
  void shouldTimeIdleLinksTheSameWithoutPerHopEvents() {
    SeastarSpec spec = SeastarSpec.preset("redstorm");
    int far = spec.torus().farthestFrom(0);
    for (Switching switching : Switching.values()) {
      SeastarSpec hopByHop = spec.withParams(spec.params().withSwitching(switching));
      SeastarSpec direct =
          spec.withParams(spec.params().withSwitching(switching).withLinkContention(false));
      PingPong a = pingPong(hopByHop, 0, far, 8, 100_000);
      PingPong b = pingPong(direct, 0, far, 8, 100_000);
      assertEquals(a.oneWayPs(0), b.oneWayPs(0), switching.toString());
      assertEquals(a.oneWayPs(1), b.oneWayPs(1), switching.toString());
    }
  }

  @Test
  void shouldPayEachPacketsSerialisationAtEveryHopWhenStoringAndForwarding() {
    SeastarSpec spec = SeastarSpec.preset("redstorm");
    Torus t = spec.torus();
    SeastarSpec saf = spec.withParams(spec.params().withSwitching(Switching.STORE_AND_FORWARD));
    int packet = SeastarParams.DEFAULT_PACKET_BYTES;
    double near = pingPong(saf, 0, t.node(1, 0, 0), packet).oneWayPs(0);
    double far = pingPong(saf, 0, t.node(5, 0, 0), packet).oneWayPs(0);
    long serialise = Math.round(packet * 1e12 / SeastarParams.DEFAULT_LINK_BANDWIDTH);
    assertEquals(4 * (SeastarParams.DEFAULT_HOP_LATENCY_PS + serialise), far - near, 1.0);
  }
}
