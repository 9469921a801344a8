package org.xtsim.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xtsim.experiments.InvalidPointException;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.registry.WorkloadDefinition;
import org.xtsim.experiments.scale.ScaleBenchmark;
import org.xtsim.experiments.simulation.HeapEstimate;
import org.xtsim.experiments.simulation.SimulationPointRunner;
import org.xtsim.network.NetworkParams;
import org.xtsim.network.topology.TopologyGrammar;
import org.xtsim.node.NodeParams;
import picocli.CommandLine.Option;

/**
 * The options that say which job a benchmark of the simulator runs (workload, its parameters, the
 * configuration, the machine, the seed), shared by {@code bench scale} and {@code bench threads}:
 * the same keys and values as an experiment file, checked against the registry's domains.
 */
final class BenchJobOptions {
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

  /**
   * The scale benchmark's machine unless --machine says otherwise: the benchmark's own scenario
   * (idle-link timing, 64 KiB packets and one-pass collectives, the settings that reach a million
   * nodes; results/benchmarks/scale.md), not the keys' defaults, which the models declare ({@code
   * xtsim params}).
   */
  static final Map<String, Object> DEFAULT_MACHINE =
      ordered(
          NodeParams.PRESET.key(),
          "xt4",
          NetworkParams.NETWORK.key(),
          "seastar",
          NetworkParams.TOPOLOGY.key(),
          TopologyGrammar.AUTO,
          NetworkParams.LINK_CONTENTION.key(),
          false,
          NetworkParams.PACKET_BYTES.key(),
          65536L,
          NetworkParams.COLLECTIVE_TIMING.key(),
          "dataflow");

  @Option(
      names = "--workload",
      paramLabel = "NAME",
      description = "Workload of the standard catalogue (default: ${DEFAULT-VALUE}).")
  String workload = "hpccg";

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
              + " (repeatable; the benchmark's machine: preset=xt4 network=seastar topology=auto"
              + " link_contention=false packet_bytes=65536 collective_timing=dataflow, which are"
              + " not the keys' defaults (xtsim params); set"
              + " collective_timing=messages to simulate every message of the collectives).")
  Map<String, String> machine = new LinkedHashMap<>();

  @Option(names = "--seed", description = "Seed of every run (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  /** The typed settings, set by {@link #benchmark}. */
  private Map<String, Object> typedParams;

  private Map<String, Object> configuration;
  private Map<String, Object> machineKeys;

  /**
   * The benchmark of these options, with every node count checked.
   *
   * @throws IllegalArgumentException naming the option and key at fault and what is allowed
   */
  ScaleBenchmark benchmark(int threads, List<Integer> nodeCounts) {
    for (int n : nodeCounts) {
      if (n < 1) {
        throw new IllegalArgumentException("--nodes: each count must be >= 1, was " + n);
      }
    }
    ModelRegistry registry = new SimulationPointRunner().registry();
    WorkloadDefinition definition = registry.workloads().get(workload);
    if (definition == null) {
      throw new IllegalArgumentException(
          "--workload: unknown workload '"
              + workload
              + "'; allowed: "
              + String.join(", ", registry.workloads().keySet()));
    }
    typedParams = typed("--param", params, definition.params());
    configuration = new LinkedHashMap<>(DEFAULT_CONFIGURATION);
    configuration.putAll(typed("--set", settings, registry.configurationKeys()));
    machineKeys = new LinkedHashMap<>(DEFAULT_MACHINE);
    machineKeys.putAll(typed("--machine", machine, registry.machineKeys()));
    ScaleBenchmark bench =
        new ScaleBenchmark(workload, typedParams, configuration, machineKeys, threads, seed);
    try {
      bench.validate(nodeCounts);
    } catch (InvalidPointException e) {
      throw new IllegalArgumentException(e.key() + ": " + e.getMessage());
    }
    return bench;
  }

  /**
   * Estimates the heap of each node count's machine: prints it on a dry run, else refuses a machine
   * that does not fit in this JVM's heap, with the estimate and the {@code -Xmx} it needs.
   */
  static void checkHeap(
      ScaleBenchmark bench, List<Integer> nodeCounts, boolean dryRun, PrintWriter out) {
    long maxHeap = Runtime.getRuntime().maxMemory();
    for (int n : nodeCounts) {
      HeapEstimate estimate = bench.runner().heapEstimate(bench.point(n));
      if (dryRun) {
        out.printf(
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
    out.flush();
  }

  /** The settings a benchmark's record carries (after {@link #benchmark}). */
  Map<String, Object> recorded() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workload", workload);
    m.put("params", typedParams);
    m.put("configuration", configuration);
    m.put("machine", machineKeys);
    m.put("seed", seed);
    return m;
  }

  /** One line that says what runs: workload, parameters and configuration. */
  String describe() {
    return workload + (typedParams.isEmpty() ? "" : " " + typedParams) + ", " + configuration;
  }

  /** Values typed as an experiment file would type them, checked against their domains. */
  private static Map<String, Object> typed(
      String option, Map<String, String> raw, Map<String, org.xtsim.params.Param> domains) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      org.xtsim.params.Param domain = domains.get(e.getKey());
      if (domain == null) {
        throw new IllegalArgumentException(
            option
                + " "
                + e.getKey()
                + ": unknown key; allowed: "
                + String.join(", ", domains.keySet()));
      }
      try {
        out.put(e.getKey(), domain.parse(scalar(e.getValue())));
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
