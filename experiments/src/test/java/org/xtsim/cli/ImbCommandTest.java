package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.Metric;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.sweep.SweepExpander;
import org.xtsim.network.NetworkParams;
import org.xtsim.network.seastar.SeastarParams;
import org.xtsim.node.NodeParams;
import org.xtsim.params.Param;

class ImbCommandTest {
  /** SeaStar's per-hop latency, in microseconds. */
  private static final double HOP_US = SeastarParams.DEFAULT_HOP_LATENCY_PS / 1e6;

  @Test
  void shouldPrintPingPongTimeAndBandwidthPerSizeAsJson() {
    CliRun r =
        CliRun.of(
            "imb",
            "pingpong",
            "--network",
            "seastar",
            "--topology",
            "redstorm",
            "--placement",
            "nearest",
            "--sizes",
            "8,1KiB,1KB",
            "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals(1, r.out().strip().lines().count(), "one object, one line: " + r.out());
    Map<String, Object> json = JsonText.object(r.out());
    for (String key : List.of("benchmark", "network", "ranks", "threads", "results", "events")) {
      assertTrue(json.containsKey(key), key + " in " + json);
    }
    assertEquals("pingpong", json.get("benchmark"));
    assertEquals("seastar 27x20x24 explicit[0, 1]", json.get("network"));
    assertEquals(2L, json.get("ranks"));
    List<Map<String, Object>> rows = rows(json);
    assertEquals(3, rows.size());
    for (Map<String, Object> row : rows) {
      for (String key : List.of("bytes", "timeUs", "bandwidthMBps", "events", "wallSeconds")) {
        assertTrue(row.containsKey(key), key + " in " + row);
      }
      assertFalse(row.containsKey("algorithm"), "pingpong has no collective algorithm");
    }
    assertEquals(8L, rows.get(0).get("bytes"));
    // The CLI reports what the SeaStar model gives for the same two nodes.
    org.xtsim.network.imb.PingPong model =
        new org.xtsim.network.imb.PingPong(new long[] {8}, ImbCommand.DEFAULT_REPETITIONS);
    org.xtsim.network.mpi.MpiJob.builder()
        .network(
            org.xtsim.network.seastar.SeastarSpec.preset("redstorm")
                .withPlacement(org.xtsim.network.topology.Placement.explicit(0, 1)))
        .ranks(2)
        .program(model)
        .build()
        .run();
    assertEquals(model.oneWayPs(0) / 1e6, (Double) rows.get(0).get("timeUs"), 1e-6);
    assertEquals(1024L, rows.get(1).get("bytes"), "KiB is binary");
    assertEquals(1000L, rows.get(2).get("bytes"), "KB is decimal");
  }

  @Test
  void shouldRunAnAllreduceOnLogGopsWithUnits() {
    CliRun r =
        CliRun.of(
            "imb",
            "allreduce",
            "--ranks",
            "8",
            "--bytes",
            "8",
            "--network",
            "loggp",
            "--L",
            "2.5us",
            "--o",
            "1.5us",
            "--g",
            "1us",
            "--G",
            "6ps",
            "--reduce-cost",
            "0ps",
            "--repetitions",
            "1",
            "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> row = rows(JsonText.object(r.out())).get(0);
    // 3 rounds of o + L + 7 G + o.
    assertEquals(16.500126, (Double) row.get("timeUs"), 1e-9);
    assertEquals("allreduce/recursive-doubling", row.get("algorithm"));
  }

  @Test
  void shouldReachATorusWithOnlyZWrappedFromTheTopologyGrammar() {
    double mesh = farthestPingPongUs("8x8x8", "seastar 8x8x8 explicit[0, 511]");
    // Farthest from (0,0,0) with z wrapped: (7,7,4), node 7 + 8*7 + 64*4 = 319; 18 hops, not 21.
    double wrapZ = farthestPingPongUs("8x8x8:wrap=z", "seastar 8x8x8:wrap=z explicit[0, 319]");
    double torus = farthestPingPongUs("torus-8x8x8", "seastar torus-8x8x8 explicit[0, 292]");
    assertEquals(3 * HOP_US, mesh - wrapZ, 1e-6);
    assertEquals(9 * HOP_US, mesh - torus, 1e-6);
  }

  private static double farthestPingPongUs(String topology, String network) {
    CliRun r =
        CliRun.of(
            "imb",
            "pingpong",
            "--topology",
            topology,
            "--placement",
            "farthest",
            "--sizes",
            "8",
            "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> json = JsonText.object(r.out());
    assertEquals(network, json.get("network"));
    assertEquals(topology, machine(json).get("topology"));
    return (Double) rows(json).get(0).get("timeUs");
  }

  @Test
  void shouldRefuseATimeWithoutItsUnitInOneLineNamingTheOptionAndTheUnit() {
    for (String[] args :
        new String[][] {
          {"imb", "pingpong", "--network", "loggp", "--L", "2.5"},
          {"imb", "pingpong", "--L", "2.5"}, // refused for its unit before its network
        }) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.status(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("xtsim imb: --L: '2.5' needs a unit"), r.err());
      assertTrue(r.err().contains("a duration such as 2.5us (units: ps, ns, us"), r.err());
      assertEquals("", r.out());
    }
    CliRun bandwidth = CliRun.of("imb", "pingpong", "--nic-bandwidth", "2");
    assertEquals(2, bandwidth.status());
    assertTrue(bandwidth.err().contains("--nic-bandwidth: '2' needs a unit"), bandwidth.err());
  }

  @Test
  void shouldGiveTheTimeThatTheSameRunGivesAsAnExperimentFile() throws Exception {
    PointRunner runner = PointRunners.installed();
    ExperimentSpec file =
        new ExperimentParser(runner.registry()).parse(Path.of("imb-seastar.yaml"));
    RunPoint point =
        SweepExpander.expand(file.quick()).stream()
            .filter(p -> p.configuration().equals("native") && p.nodes() == 2)
            .filter(p -> p.params().get("benchmark").equals("pingpong"))
            .filter(p -> p.params().get("bytes").equals(8L))
            .findFirst()
            .orElseThrow();
    Metric time = runner.run(point, 1, fraction -> {}).metrics().get(0);
    assertEquals("time", time.name());

    Map<String, Object> machine = point.machine();
    CliRun r =
        CliRun.of(
            "imb",
            "pingpong",
            "--preset",
            machine.get("preset").toString(),
            "--topology",
            machine.get("topology").toString(),
            "--link-contention",
            machine.get("link_contention").toString(),
            "--packet-bytes",
            machine.get("packet_bytes").toString(),
            "--repetitions",
            point.params().get("repetitions").toString(),
            "--sizes",
            "8B",
            "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals(time.value(), (Double) rows(JsonText.object(r.out())).get(0).get("timeUs"), 1e-9);
  }

  @Test
  void shouldTakeTheDeclaredMachineDefaultsAndDescribeThemInTheHelp() {
    CliRun r = CliRun.of("imb", "pingpong", "--sizes", "8", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> machine = machine(JsonText.object(r.out()));
    assertEquals(NetworkParams.LINK_CONTENTION.defaultValue(), machine.get("link_contention"));
    assertEquals(NetworkParams.TOPOLOGY.defaultValue(), machine.get("topology"));
    assertEquals(NodeParams.PRESET.defaultValue(), machine.get("preset"));

    String help = squeezed(CliRun.of("imb", "--help").out());
    for (Param p : List.of(NodeParams.PRESET, NetworkParams.TOPOLOGY, NetworkParams.PACKET_BYTES)) {
      assertTrue(help.contains(squeezed(ParamOptions.description(p).replace("%%", "%"))), p.key());
      assertTrue(help.contains(ParamOptions.optionName(p)), p.key());
    }
    assertTrue(help.contains("--link-contention=true|false"), help);
  }

  @Test
  void shouldRejectBadInputWithOneLineNamingTheOption() {
    CliRun topology = CliRun.of("imb", "barrier", "--topology", "4x0x4");
    assertEquals(2, topology.status());
    assertTrue(
        topology.err().startsWith("xtsim imb: --topology: '4x0x4' is not a topology; allowed:"),
        topology.err());
    assertEquals(1, topology.err().strip().lines().count());

    CliRun contention = CliRun.of("imb", "barrier", "--link-contention", "yes");
    assertEquals(2, contention.status());
    assertTrue(contention.err().contains("--link-contention: 'yes' is not allowed"));

    CliRun benchmark = CliRun.of("imb", "ping");
    assertEquals(2, benchmark.status());
    assertTrue(benchmark.err().contains("one of pingpong, allreduce"), benchmark.err());

    CliRun wrongNetwork = CliRun.of("imb", "pingpong", "--L", "2.5us");
    assertEquals(2, wrongNetwork.status());
    assertTrue(wrongNetwork.err().contains("need --network loggp"), wrongNetwork.err());
  }

  @Test
  void shouldRefuseTheFormerTopologyOptionsWithTheNewOne() {
    CliRun r = CliRun.of("imb", "barrier", "--dims", "8x8x8", "--wrap", "z");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--dims is now --topology"), r.err());
    assertTrue(r.err().contains("--topology 8x8x8:wrap=z"), r.err());
    // --preset named the SeaStar machine before it named the node.
    CliRun preset = CliRun.of("imb", "pingpong", "--preset", "redstorm-2005");
    assertEquals(2, preset.status());
    assertTrue(preset.err().contains("--preset is now the node"), preset.err());
    assertTrue(preset.err().contains("is --topology redstorm-2005"), preset.err());
  }

  @Test
  void shouldRejectMoreRanksThanCores() {
    CliRun nodes = CliRun.of("imb", "barrier", "--topology", "2x2x2", "--ranks", "9");
    assertEquals(2, nodes.status());
    assertTrue(nodes.err().contains("more ranks than cores"), nodes.err());
    // An xt3 node has one core.
    CliRun cores = CliRun.of("imb", "barrier", "--preset", "xt3", "--ranks-per-node", "2");
    assertEquals(2, cores.status());
    assertTrue(cores.err().contains("more ranks than cores"), cores.err());
    assertEquals("", cores.out(), "refused before the table's header");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> json) {
    return (List<Map<String, Object>>) json.get("results");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> machine(Map<String, Object> json) {
    return (Map<String, Object>) json.get("machine");
  }

  /** {@code text} without whitespace: help text is wrapped wherever picocli likes. */
  private static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }
}
