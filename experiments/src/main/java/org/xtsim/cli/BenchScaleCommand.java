package org.xtsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xtsim.engine.SimTime;
import org.xtsim.experiments.InvalidPointException;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.registry.ValueDomain;
import org.xtsim.experiments.registry.WorkloadDefinition;
import org.xtsim.experiments.scale.GrowthFit;
import org.xtsim.experiments.scale.ScaleBenchmark;
import org.xtsim.experiments.scale.ScalePoint;
import org.xtsim.experiments.scale.ScaleReport;
import org.xtsim.experiments.simulation.HeapEstimate;
import org.xtsim.experiments.simulation.SimulationPointRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xtsim bench scale}: how wall time, events and memory grow with the simulated machine. */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one workload at several node counts, one run after another, and reports for each the"
          + " wall time, committed events, events per second, peak heap and the heap a finished"
          + " job keeps per node, with the growth exponent fitted on a log-log scale.",
      "Every run is an ordinary experiment point (same keys and values as an experiment file) with"
          + " the same seed. Machines larger than Red Storm run on the smallest near-cubic torus"
          + " that holds them (--machine topology=auto).",
      "Before anything runs, each machine's heap need is estimated; one that does not fit in"
          + " this JVM's heap is refused with the estimate and the -Xmx it needs.",
      "Writes <out>/<name>.csv, .json (settings, version, JVM, exponents), .png and .svg.",
      "",
      "Example: xtsim bench scale --workload hpccg --nodes 1024,4096,16384,65536,131072"
    })
final class BenchScaleCommand implements Callable<Integer> {
  /** Configuration of the runs unless --set says otherwise: virtualized, with noise and ticks. */
  static final Map<String, Object> DEFAULT_CONFIGURATION =
      ordered(
          "vmm", "nested",
          "guest", "cnl",
          "large_pages", false,
          "preemption", "controlled",
          "nic", "passthrough",
          "noise_pct", 2.5,
          "noise_frequency_hz", 10.0);

  /** Machine unless --machine says otherwise. */
  static final Map<String, Object> DEFAULT_MACHINE =
      ordered(
          "preset",
          "xt4",
          "network",
          "seastar",
          "topology",
          SimulationPointRunner.AUTO_TOPOLOGY,
          "link_contention",
          false,
          "packet_bytes",
          65536L,
          "collective_timing",
          "dataflow");

  @Spec CommandSpec spec;

  @Option(
      names = "--workload",
      paramLabel = "NAME",
      description = "Workload of the standard catalogue (default: ${DEFAULT-VALUE}).")
  String workload = "hpccg";

  @Option(
      names = "--nodes",
      paramLabel = "N,N,...",
      split = ",",
      description = "Node counts, each >= 1, run in this order (default: ${DEFAULT-VALUE}).")
  List<Integer> nodes = new ArrayList<>(List.of(1024, 4096, 16384, 65536, 131072));

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description =
          "A workload parameter, as under 'params:' in an experiment file, e.g. iterations=50"
              + " (repeatable; default: the workload's defaults).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A configuration key, as in an experiment file's configurations, e.g. vmm=shadow"
              + " (repeatable; default: vmm=nested guest=cnl large_pages=false"
              + " preemption=controlled nic=passthrough noise_pct=2.5 noise_frequency_hz=10).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(
      names = "--machine",
      paramLabel = "KEY=VALUE",
      description =
          "A machine key, as under 'machine:' in an experiment file, e.g. topology=torus-64x64x32"
              + " (repeatable; default: preset=xt4 network=seastar topology=auto"
              + " link_contention=false packet_bytes=65536 collective_timing=dataflow; set"
              + " collective_timing=messages to simulate every message of the collectives).")
  Map<String, String> machine = new LinkedHashMap<>();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Engine threads of every run, >= 1, used whatever the node count (default:"
              + " ${DEFAULT-VALUE}).")
  int threads = 2;

  @Option(names = "--seed", description = "Seed of every run (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("results", "benchmarks");

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Base name of the output files (default: scale-<workload>).")
  String name;

  @Option(
      names = "--dry-run",
      description =
          "Check the settings and print each machine and its heap estimate; run nothing"
              + " (default: off).")
  boolean dryRun;

  @Option(
      names = "--redraw",
      description =
          "Run nothing: redraw the figure of <out>/<name>.csv, written by an earlier run"
              + " (default: off).")
  boolean redraw;

  @Override
  public Integer call() throws IOException {
    if (redraw) {
      String base = name != null ? name : "scale-" + workload;
      Path csv = out.resolve(base + ".csv");
      if (!java.nio.file.Files.isRegularFile(csv)) {
        throw new IllegalArgumentException("--redraw: no such file: " + csv);
      }
      for (Path p : ScaleReport.figure(out, base, workload, ScaleReport.read(csv))) {
        spec.commandLine().getOut().println("wrote " + p);
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
    }
    for (int n : nodes) {
      if (n < 1) {
        throw new IllegalArgumentException("--nodes: each count must be >= 1, was " + n);
      }
    }
    SimulationPointRunner probe = new SimulationPointRunner();
    ModelRegistry registry = probe.registry();
    WorkloadDefinition definition = registry.workloads().get(workload);
    if (definition == null) {
      throw new IllegalArgumentException(
          "--workload: unknown workload '"
              + workload
              + "'; allowed: "
              + String.join(", ", registry.workloads().keySet()));
    }
    Map<String, Object> typedParams = typed("--param", params, definition.params());
    Map<String, Object> configuration = new LinkedHashMap<>(DEFAULT_CONFIGURATION);
    configuration.putAll(typed("--set", settings, registry.configurationKeys()));
    Map<String, Object> machineKeys = new LinkedHashMap<>(DEFAULT_MACHINE);
    machineKeys.putAll(typed("--machine", machine, registry.machineKeys()));
    ScaleBenchmark bench =
        new ScaleBenchmark(workload, typedParams, configuration, machineKeys, threads, seed);
    try {
      bench.validate(nodes);
    } catch (InvalidPointException e) {
      throw new IllegalArgumentException(e.key() + ": " + e.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long maxHeap = Runtime.getRuntime().maxMemory();
    for (int n : nodes) {
      HeapEstimate estimate = bench.runner().heapEstimate(bench.point(n));
      if (dryRun) {
        o.printf(
            Locale.ROOT,
            "%,d nodes on %s: about %s of heap (this JVM has %s)%n",
            n,
            bench.topology(n),
            HeapEstimate.format(estimate.bytes()),
            HeapEstimate.format(maxHeap));
      } else {
        estimate.requireFits(maxHeap);
      }
    }
    if (dryRun) {
      o.flush();
      return 0;
    }
    String base = name != null ? name : "scale-" + workload;
    o.println(
        String.format(
            Locale.ROOT,
            "xtsim bench scale: %s%s, %s, %d thread%s, seed %d",
            workload,
            typedParams.isEmpty() ? "" : " " + typedParams,
            configuration,
            threads,
            threads == 1 ? "" : "s",
            seed));
    o.println(
        "     nodes  topology        wall s   build s          events   M ev/s  barrier wait s"
            + "  peak heap MiB  bytes/node");
    o.flush();
    List<ScalePoint> points = new ArrayList<>();
    for (int n : nodes) {
      ScalePoint p = bench.measure(n, progress(err, n));
      points.add(p);
      o.printf(
          Locale.ROOT,
          "%,10d  %-15s%8.2f  %8.2f  %,14d  %7.2f  %14.2f  %13.1f  %10.0f%n",
          p.nodes(),
          p.topology(),
          p.wallSeconds(),
          p.buildSeconds(),
          p.events(),
          p.eventsPerSecond() / 1e6,
          p.barrierWaitSeconds(),
          p.peakHeapBytes() / (1024.0 * 1024.0),
          p.retainedBytesPerNode());
      o.flush();
    }
    if (points.size() >= 2) {
      for (Map.Entry<String, GrowthFit> e : ScaleReport.growth(points).entrySet()) {
        o.printf(
            Locale.ROOT, "growth exponent of %-16s %.3f%n", e.getKey(), e.getValue().exponent());
      }
    }
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("workload", workload);
    recorded.put("params", typedParams);
    recorded.put("configuration", configuration);
    recorded.put("machine", machineKeys);
    recorded.put("threads", threads);
    recorded.put("seed", seed);
    recorded.put("nodes", nodes);
    List<String> commandLine = CommandLines.recorded(spec);
    recorded.put("command_line", String.join(" ", commandLine));
    for (Path p : ScaleReport.write(out, base, recorded, points)) {
      o.println("wrote " + p);
    }
    o.flush();
    return 0;
  }

  private static org.xtsim.engine.ProgressListener progress(PrintWriter err, int nodes) {
    return (simPs, endPs, events, wallNanos) -> {
      err.printf(
          Locale.ROOT,
          "xtsim bench scale: %,d nodes: simulated %s, %,d events, %.0f s%n",
          nodes,
          SimTime.format(simPs),
          events,
          wallNanos / 1e9);
      err.flush();
    };
  }

  /** Values typed as an experiment file would type them, checked against their domains. */
  private static Map<String, Object> typed(
      String option, Map<String, String> raw, Map<String, ValueDomain> domains) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      ValueDomain domain = domains.get(e.getKey());
      if (domain == null) {
        throw new IllegalArgumentException(
            option
                + " "
                + e.getKey()
                + ": unknown key; allowed: "
                + String.join(", ", domains.keySet()));
      }
      try {
        out.put(e.getKey(), domain.convert(scalar(e.getValue())));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(option + " " + e.getKey() + ": " + ex.getMessage());
      }
    }
    return out;
  }

  /** A command-line value as YAML would read it: boolean, integer, decimal, else text. */
  static Object scalar(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException notInteger) {
      try {
        return Double.valueOf(text);
      } catch (NumberFormatException notNumber) {
        return text;
      }
    }
  }

  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
