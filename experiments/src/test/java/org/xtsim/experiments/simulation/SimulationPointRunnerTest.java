package org.xtsim.experiments.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.cli.Xtsim;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.ProgressSink;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.sweep.SweepExpander;

/** The installed models behind {@code xtsim run}: end to end, deterministic at any thread count. */
class SimulationPointRunnerTest {
  private static final String EXPERIMENT =
      String.join(
          "\n",
          "name: tiny-study",
          "seed: 7",
          "threads: 1",
          "machine: {preset: xt4, network: seastar, topology: 4x4x4}",
          "workloads:",
          "  - {name: hpccg, params: {nx: 48, ny: 48, nz: 48, iterations: 6}}",
          "  - {name: sage, params: {cells: 2048, steps: 3}}",
          "configurations:",
          "  - {label: native, vmm: native, guest: cnl}",
          "  - {label: shadow, vmm: shadow, guest: cnl, preemption: uncontrolled}",
          "  - {label: nested-large, vmm: nested, guest: cnl, large_pages: true,"
              + " preemption: controlled}",
          "sweep: {nodes: [1, 3, 8]}",
          "");

  @TempDir Path tmp;

  /** Small points would otherwise run on one thread whatever was asked: use every thread. */
  @org.junit.jupiter.api.BeforeEach
  void useEveryThreadEvenForSmallPoints() {
    System.setProperty(
        org.xtsim.experiments.simulation.SimulationPointRunner.MIN_NODES_PER_THREAD_PROPERTY, "1");
  }

  @org.junit.jupiter.api.AfterEach
  void restoreThreadPolicy() {
    System.clearProperty(
        org.xtsim.experiments.simulation.SimulationPointRunner.MIN_NODES_PER_THREAD_PROPERTY);
  }

  private String run(Path file, String out, String threads) {
    StringWriter err = new StringWriter();
    int status =
        Xtsim.execute(
            new String[] {"run", file.toString(), "--out", out, "--threads", threads},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertEquals(0, status, err.toString());
    return out;
  }

  /** The CSV without the columns that measure this machine (wall time). */
  private static List<String> simulatedColumns(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    int wall = header.indexOf("wall_seconds");
    return lines.stream()
        .map(
            l -> {
              String[] f = l.split(",", -1);
              f[wall] = "";
              return String.join(",", f);
            })
        .collect(Collectors.toList());
  }

  @Test
  void shouldRunTheModelsAndGiveTheSameResultsWithOneAndTwoThreads() throws IOException {
    Path file = tmp.resolve("tiny.yaml");
    Files.writeString(file, EXPERIMENT);
    Path one = Path.of(run(file, tmp.resolve("one").toString(), "1"));
    Path again = Path.of(run(file, tmp.resolve("again").toString(), "1"));
    Path two = Path.of(run(file, tmp.resolve("two").toString(), "2"));

    List<String> first = simulatedColumns(one.resolve("results.csv"));
    assertEquals(first, simulatedColumns(again.resolve("results.csv")));
    assertEquals(first, simulatedColumns(two.resolve("results.csv")));
    String manifest = Files.readString(one.resolve("manifest.json"));
    assertTrue(
        java.util.regex.Pattern.compile(
                "\"xtsim\",\\s*\"run\",\\s*\"" + java.util.regex.Pattern.quote(file.toString()))
            .matcher(manifest)
            .find(),
        manifest.substring(0, Math.min(400, manifest.length())));

    List<String> header = List.of(first.get(0).split(","));
    int config = header.indexOf("config");
    int metric = header.indexOf("metric");
    int overhead = header.indexOf("overhead_pct");
    int nodes = header.indexOf("nodes");
    java.util.Map<String, Double> overheadAt8 = new java.util.HashMap<>();
    for (String line : first.subList(1, first.size())) {
      String[] f = line.split(",", -1);
      if (f[metric].equals("mflops_per_node") && f[nodes].equals("8")) {
        overheadAt8.put(f[config], Double.parseDouble(f[overhead]));
      }
    }
    assertEquals(0, overheadAt8.get("native"), 1e-12);
    // CNL's context switches make shadow paging pay for refilling discarded shadow tables;
    // nested paging with large pages does not care and stays within the VEE 2011 5 %.
    double shadow = overheadAt8.get("shadow");
    double nested = overheadAt8.get("nested-large");
    assertTrue(nested > 0 && nested < 5, "nested overhead " + nested);
    assertTrue(shadow > 2 * nested, "shadow " + shadow + " vs nested " + nested);

    // One overhead convention: the run-time increase, for times and rates only; a share of
    // cycles or a count of exits is reported without one.
    int better = header.indexOf("better");
    for (String line : first.subList(1, first.size())) {
      String[] f = line.split(",", -1);
      boolean measure = f[metric].endsWith("_pct") || f[metric].endsWith("_per_node");
      if (f[metric].equals("mflops_per_node") || f[metric].equals("completion_time")) {
        assertTrue(!f[overhead].isEmpty(), "an overhead for " + line);
      } else if (measure) {
        assertEquals("neither", f[better], line);
        assertEquals("", f[overhead], "no overhead for " + line);
      }
    }
  }

  private static String study(String collectiveTiming, String linkContention) {
    return study(collectiveTiming, linkContention, true);
  }

  /**
   * A two-workload study; {@code noisy}: a CNL guest (random daemons) with host preemption and
   * injected noise, whose random draws land differently under the two timings of collectives;
   * otherwise a Catamount guest with nothing random but its tick's phase.
   */
  private static String study(String collectiveTiming, String linkContention, boolean noisy) {
    return String.join(
        "\n",
        "name: collectives-" + collectiveTiming,
        "seed: 7",
        "threads: 1",
        "machine: {preset: xt4, network: seastar, topology: 4x4x4, link_contention: "
            + linkContention
            + ", collective_timing: "
            + collectiveTiming
            + "}",
        "workloads:",
        "  - {name: hpccg, params: {nx: 48, ny: 48, nz: 48, iterations: 6}}",
        "  - {name: sage, params: {cells: 2048, steps: 3}}",
        "configurations:",
        noisy
            ? "  - {label: nested, vmm: nested, guest: cnl, preemption: controlled,"
                + " noise_pct: 2.5, noise_frequency_hz: 1000}"
            : "  - {label: nested, vmm: nested, guest: catamount}",
        "sweep: {nodes: [8, 27]}",
        "");
  }

  /** The value column of each (workload, nodes, metric) row. */
  private static java.util.Map<String, Double> values(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    int workload = header.indexOf("workload");
    int nodes = header.indexOf("nodes");
    int metric = header.indexOf("metric");
    int value = header.indexOf("value");
    java.util.Map<String, Double> out = new java.util.TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      out.put(f[workload] + "/" + f[nodes] + "/" + f[metric], Double.parseDouble(f[value]));
    }
    return out;
  }

  @Test
  void shouldTimeCollectivesInOnePassCloseToMessageLevelAndAlikeAtAnyThreadCount()
      throws IOException {
    // Alike at any thread count, with noise and host preemption on.
    Path noisy = tmp.resolve("noisy.yaml");
    Files.writeString(noisy, study("dataflow", "false"));
    assertEquals(
        simulatedColumns(
            Path.of(run(noisy, tmp.resolve("n1").toString(), "1")).resolve("results.csv")),
        simulatedColumns(
            Path.of(run(noisy, tmp.resolve("n2").toString(), "2")).resolve("results.csv")));

    // Close to message level without random interruptions, whose phases and draws land
    // differently under the two timings (one replicate of each differs by them, not by timing).
    Path messages = tmp.resolve("messages.yaml");
    Files.writeString(messages, study("messages", "false", false));
    Path dataflow = tmp.resolve("dataflow.yaml");
    Files.writeString(dataflow, study("dataflow", "false", false));
    Path byMessage = Path.of(run(messages, tmp.resolve("m").toString(), "1"));
    Path onePass = Path.of(run(dataflow, tmp.resolve("d1").toString(), "1"));
    java.util.Map<String, Double> reference = values(byMessage.resolve("results.csv"));
    java.util.Map<String, Double> fast = values(onePass.resolve("results.csv"));
    assertEquals(reference.keySet(), fast.keySet());
    for (String key : reference.keySet()) {
      if (key.endsWith("/events")) {
        continue;
      }
      double ref = reference.get(key);
      // Same per-message costs, taken in round order rather than by interrupt: within 2 %. A
      // collective message that reaches a rank before it reaches that message's round is taken on
      // arrival at message level (free while the rank waits), but one pass takes it in its own
      // round, after the rank's previous one (DataflowCollectives): each early message's receive
      // overhead, 3.5 us here, is paid in sequence. Sage enters its allreduces from waits, on 27
      // nodes with more rounds and a wider spread of entries, so its run and step times differ by
      // about 1.0 % (0.2 % on 8 nodes); every other time by at most 0.7 %. The NIC rate is not the
      // cause (1.1 GB/s: 1.02 %); a rule that took pre-entry messages at arrival overshoots on 8
      // nodes (-0.5 %), so the one-pass rule stays and the bound is 2 %.
      assertEquals(ref, fast.get(key), Math.abs(ref) * 0.02 + 1e-9, key);
    }
  }

  @Test
  void shouldRefuseOnePassCollectivesOnContendedLinksNamingTheKey() throws IOException {
    Path file = tmp.resolve("contended.yaml");
    Files.writeString(file, study("dataflow", "true"));
    StringWriter err = new StringWriter();
    int status =
        Xtsim.execute(
            new String[] {"run", file.toString(), "--out", tmp.resolve("x").toString()},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertTrue(status != 0);
    assertTrue(err.toString().contains("collective_timing"), err.toString());
    assertTrue(err.toString().contains("link_contention"), err.toString());
    assertTrue(!Files.exists(tmp.resolve("x").resolve("results.csv")));
  }

  @Test
  void shouldReportTheSimulatedTimeAndEventsOfARunningPointToItsProgressSink() {
    List<RunPoint> points =
        SweepExpander.expand(
            new ExperimentParser(ModelRegistry.standard()).parse("tiny.yaml", EXPERIMENT));
    RunPoint point = points.get(points.size() - 1);
    List<long[]> reports = new java.util.ArrayList<>();
    ProgressSink sink =
        new ProgressSink() {
          @Override
          public void fractionDone(double fraction) {
            throw new AssertionError("a workload has no end time, so no fraction: " + fraction);
          }

          @Override
          public void advanced(long simulatedPs, long committedEvents) {
            reports.add(new long[] {simulatedPs, committedEvents});
          }
        };
    PointResult result = new SimulationPointRunner().run(point, 1, sink);
    assertTrue(!reports.isEmpty(), "at least the report at the end of the run");
    long[] last = reports.get(reports.size() - 1);
    assertEquals(result.events(), last[1]);
    assertTrue(last[0] > 0, "simulated time");
  }
}
