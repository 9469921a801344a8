package org.xtsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xtsim.engine.SimTime;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.simulation.HeapEstimate;
import org.xtsim.network.NetworkParams;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.collectives.Collective;
import org.xtsim.network.collectives.MpichSelector;
import org.xtsim.network.imb.CollectiveLoop;
import org.xtsim.network.imb.PingPong;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.network.mpi.CollectiveTiming;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.MpiJob;
import org.xtsim.network.mpi.RankProgram;
import org.xtsim.network.seastar.SeastarParams;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.network.seastar.Switching;
import org.xtsim.network.topology.Placement;
import org.xtsim.network.topology.TopologyGrammar;
import org.xtsim.network.topology.Torus;
import org.xtsim.node.NodeParams;
import org.xtsim.params.Param;
import org.xtsim.params.ParamValues;
import org.xtsim.params.Units;
import org.xtsim.workloads.imb.Imb;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xtsim imb}: Intel MPI Benchmarks-style runs on the SeaStar or LogGOPS network, with the
 * vocabulary of an experiment file: the benchmark is the {@code imb} workload's {@code benchmark}
 * parameter, the machine options are the {@code machine:} keys (node preset and every network
 * parameter, from their declarations), and the network is built as {@code xtsim run} builds it
 * ({@link NetworkParams#spec}). Options that override the model's timing take values with units
 * ({@link Units}): a bare {@code 2.5} for a time is refused, not read as 2.5 ps.
 */
@Command(
    name = "imb",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    modelTransformer = ImbCommand.DeclaredOptions.class,
    description = {
      "Runs an IMB-style benchmark on the simulated network and prints, per message size, the"
          + " time (us) and bandwidth (MB/s, 10^6 B/s), with events and wall time.",
      "pingpong: one-way time between ranks 0 and 1 (half the round trip). Collectives: time per"
          + " call over all ranks, with MPICH's algorithm for the size.",
      "The machine options are the keys under 'machine:' of an experiment file, with the same"
          + " values and defaults (experiments/imb-seastar.yaml is an IMB study as a file).",
      "Values take units: times ps, ns, us, ms, s (required: a bare 2.5 is refused); sizes B, KB,"
          + " MB (10^3, 10^6 B), KiB, MiB (2^10, 2^20 B), a bare number is bytes; bandwidths"
          + " MB/s, GB/s, MiB/s, GiB/s."
    })
final class ImbCommand implements Callable<Integer> {
  /** The machine options: node preset and network parameters, as under {@code machine:}. */
  static final ParamOptions MACHINE =
      new ParamOptions(
          "Machine (the keys under 'machine:' in an experiment file, same values and defaults):",
          1,
          concat(NodeParams.ALL, NetworkParams.ALL));

  /** Calls (round trips) per size unless --repetitions says otherwise: a quick look. */
  static final int DEFAULT_REPETITIONS = 4;

  /** Adds the benchmark and the declared machine options to the command's model. */
  static final class DeclaredOptions implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.addPositional(
          PositionalParamSpec.builder()
              .index("0")
              .paramLabel("BENCHMARK")
              .type(String.class)
              .description(
                  "The benchmark (params.benchmark of the imb workload): "
                      + Imb.BENCHMARK.allowed()
                      + ".")
              .build());
      return MACHINE.addTo(spec);
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"--sizes", "--bytes"},
      split = ",",
      paramLabel = "SIZE",
      description =
          "Message sizes, comma-separated, e.g. 0,8,1KiB,1MiB (params.bytes of the imb workload;"
              + " collectives: bytes per rank or pair; barrier: ignored) (default: 8,1KiB,1MiB).")
  List<String> sizes = new ArrayList<>(List.of("8", "1KiB", "1MiB"));

  @Option(
      names = "--repetitions",
      description =
          "Calls (round trips for pingpong) timed per size, >= 1 (default: ${DEFAULT-VALUE}, a"
              + " quick look; the imb workload of an experiment file takes 100, as IMB).")
  int repetitions = DEFAULT_REPETITIONS;

  @Option(
      names = "--ranks",
      description =
          "Ranks for collectives, > 0; pingpong always uses 2 (default: ${DEFAULT-VALUE}).")
  int ranks = 16;

  @Option(
      names = "--ranks-per-node",
      description =
          "Ranks per node, > 0 and at most the cores of a --preset node (default: ${DEFAULT-VALUE}).")
  int ranksPerNode = 1;

  @Option(
      names = "--placement",
      description =
          "SeaStar: pingpong: nearest or farthest (rank 1 next to or farthest from rank 0);"
              + " collectives: contiguous, snake or random (default: nearest / contiguous).")
  String placement;

  @Option(
      names = "--reduce-cost",
      paramLabel = "TIME",
      description = "Reduction time per byte in collectives, e.g. 250ps (default: 250ps).")
  String reduceCost;

  @Option(
      names = "--threads",
      description = "Engine threads, 1 to 1,024 (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = "--seed", description = "Run seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--json",
      description = "Print one JSON object (one line) instead of a table (default: off).")
  boolean json;

  @ArgGroup(
      validate = false,
      order = 2,
      heading = "SeaStar timing (--network seastar; overrides the model's values):%n")
  SeastarTiming seastarTiming = new SeastarTiming();

  @ArgGroup(validate = false, order = 3, heading = "LogGOPS (--network loggp):%n")
  LogGopsTiming logGopsTiming = new LogGopsTiming();

  @Mixin RenamedOptions renamed;

  /** Options that override the SeaStar model's timing; each value takes its unit. */
  static final class SeastarTiming {
    @Option(
        names = "--hop-latency",
        paramLabel = "TIME",
        description = "Per-hop router latency (default: 44.8ns).")
    String hopLatency;

    @Option(
        names = "--link-bandwidth",
        paramLabel = "BANDWIDTH",
        description = "Link bandwidth (default: 3.8GB/s).")
    String linkBandwidth;

    @Option(
        names = "--nic-bandwidth",
        paramLabel = "BANDWIDTH",
        description =
            "NIC rate (default: 1.1GB/s, SeaStar 1.2; 2.0GB/s is SeaStar 2.1, the former"
                + " '--preset seastar2').")
    String nicBandwidth;

    @Option(
        names = "--switching",
        paramLabel = "cut-through|store-and-forward",
        description = "cut-through or store-and-forward (default: cut-through).")
    String switching;

    @Option(
        names = "--eager-threshold",
        paramLabel = "SIZE",
        description = "MPI eager limit (default: 128000B).")
    String eagerThreshold;

    /** {@code p} with the options given; each value is parsed with its unit. */
    SeastarParams applyTo(SeastarParams p) {
      if (hopLatency != null) {
        p = p.withHopLatencyPs(Units.timePs(hopLatency, "--hop-latency"));
      }
      if (linkBandwidth != null) {
        p = p.withLinkBandwidth(Units.bytesPerSecond(linkBandwidth, "--link-bandwidth"));
      }
      if (nicBandwidth != null) {
        p = p.withNicBandwidth(Units.bytesPerSecond(nicBandwidth, "--nic-bandwidth"));
      }
      if (switching != null) {
        p = p.withSwitching(switching(switching));
      }
      if (eagerThreshold != null) {
        p = p.withEagerThresholdBytes(Units.bytes(eagerThreshold, "--eager-threshold"));
      }
      return p;
    }

    boolean any() {
      return hopLatency != null
          || linkBandwidth != null
          || nicBandwidth != null
          || switching != null
          || eagerThreshold != null;
    }
  }

  /** The LogGOPS parameters; times and sizes take their unit. */
  static final class LogGopsTiming {
    @Option(names = "--L", paramLabel = "TIME", description = "Latency L, > 0 (default: 2.5us).")
    String latency;

    @Option(names = "--o", paramLabel = "TIME", description = "Overhead o (default: 1.5us).")
    String overhead;

    @Option(names = "--g", paramLabel = "TIME", description = "Gap g (default: 1us).")
    String gap;

    @Option(
        names = "--G",
        paramLabel = "TIME",
        description = "Gap per byte G (default: 889ps, the SeaStar 1.2 NIC's 1.125 GB/s).")
    String gapPerByte;

    @Option(names = "--O", paramLabel = "TIME", description = "Overhead per byte O (default: 0ps).")
    String overheadPerByte;

    @Option(
        names = "--S",
        paramLabel = "SIZE",
        description = "Eager threshold S (default: 65536B).")
    String eagerLimit;

    /** LogGOPS's defaults with the options given; each value is parsed with its unit. */
    LogGopsParams params() {
      LogGopsParams d = LogGopsParams.defaults();
      return new LogGopsParams(
          latency == null ? d.latencyPs() : Units.timePs(latency, "--L"),
          overhead == null ? d.overheadPs() : Units.timePs(overhead, "--o"),
          gap == null ? d.gapPs() : Units.timePs(gap, "--g"),
          gapPerByte == null ? d.gapPerBytePs() : Units.timePs(gapPerByte, "--G"),
          overheadPerByte == null ? d.overheadPerBytePs() : Units.timePs(overheadPerByte, "--O"),
          eagerLimit == null ? d.eagerThresholdBytes() : Units.bytes(eagerLimit, "--S"));
    }

    boolean any() {
      return latency != null
          || overhead != null
          || gap != null
          || gapPerByte != null
          || overheadPerByte != null
          || eagerLimit != null;
    }
  }

  /** Options of earlier versions: each is refused with the option that replaced it. */
  static final class RenamedOptions {
    @Option(
        names = "--dims",
        hidden = true,
        description = "Now --topology XxYxZ (a mesh) or XxYxZ:wrap=AXES.")
    String dims;

    @Option(names = "--wrap", hidden = true, description = "Now --topology XxYxZ:wrap=AXES.")
    String wrap;

    @Option(names = "--packet", hidden = true, description = "Now --packet-bytes.")
    String packet;

    void refuse() {
      if (dims != null || wrap != null) {
        throw new IllegalArgumentException(
            (dims != null ? "--dims" : "--wrap")
                + " is now --topology: a mesh XxYxZ, a torus torus-XxYxZ or per-axis wrap"
                + " XxYxZ:wrap=AXES, e.g. --topology "
                + (dims != null ? dims : "27x20x24")
                + (wrap == null || wrap.equals("none") ? "" : ":wrap=" + wrap));
      }
      if (packet != null) {
        throw new IllegalArgumentException("--packet is now --packet-bytes");
      }
    }
  }

  @Override
  public Integer call() {
    // picocli leaves a group null when none of its options is given
    seastarTiming = seastarTiming == null ? new SeastarTiming() : seastarTiming;
    logGopsTiming = logGopsTiming == null ? new LogGopsTiming() : logGopsTiming;
    renamed.refuse();
    refuseFormerSeastarPreset();
    String benchmark = benchmark();
    boolean pingpong = benchmark.equals("pingpong");
    Collective op = pingpong ? null : Collective.valueOf(benchmark.toUpperCase(Locale.ROOT));
    ParamValues machine = MACHINE.values(spec);
    try {
      Imb.REPETITIONS.check((long) repetitions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--repetitions: " + e.getMessage(), e);
    }
    CommandLimits.threads("--threads", threads);
    if (ranksPerNode < 1) {
      throw new IllegalArgumentException("--ranks-per-node must be >= 1, was " + ranksPerNode);
    }
    long[] bytes = op == Collective.BARRIER ? new long[] {0} : sizes();
    int jobRanks = pingpong ? 2 : CommandLimits.count("--ranks", ranks, 1, 1 << 24);
    double gamma =
        reduceCost == null
            ? MpiJob.DEFAULT_REDUCE_PS_PER_BYTE
            : Units.timePs(reduceCost, "--reduce-cost");
    boolean loggp = machine.text(NetworkParams.NETWORK).equals("loggp");
    NetworkSpec net = loggp ? logGops() : seastar(machine, pingpong, jobRanks);
    CollectiveTiming timing = NetworkParams.collectiveTiming(machine);
    net.place(jobRanks, ranksPerNode); // refuses more ranks than cores before anything prints
    long largest = java.util.Arrays.stream(bytes).max().orElse(0);
    HeapEstimate heap = HeapEstimate.of((jobRanks + ranksPerNode - 1) / ranksPerNode, net, largest);
    if (!heap.fits(Runtime.getRuntime().maxMemory())) {
      throw new IllegalArgumentException(
          "--ranks: " + heap.problem(Runtime.getRuntime().maxMemory()));
    }

    PrintWriter out = spec.commandLine().getOut();
    List<Object> rows = new ArrayList<>();
    long totalEvents = 0;
    long totalWall = 0;
    if (!json) {
      out.printf(
          Locale.ROOT,
          "%s on %s, %d ranks%n%12s %14s %14s %12s %10s  %s%n",
          benchmark,
          describe(net),
          jobRanks,
          "bytes",
          "time [us]",
          "MB/s",
          "events",
          "wall [s]",
          pingpong ? "" : "algorithm");
    }
    for (long size : bytes) {
      RankProgram program =
          pingpong
              ? new PingPong(new long[] {size}, repetitions)
              : new CollectiveLoop(op, size, repetitions, jobRanks);
      JobResult r =
          MpiJob.builder()
              .network(net)
              .ranks(jobRanks)
              .ranksPerNode(ranksPerNode)
              .program(program)
              .reduceCostPsPerByte(gamma)
              .collectiveTiming(timing)
              .threads(threads)
              .seed(seed)
              .build()
              .run();
      double timePs =
          pingpong ? ((PingPong) program).oneWayPs(0) : r.completionPs() / (double) repetitions;
      double us = timePs / SimTime.PS_PER_US;
      double mbps = timePs == 0 ? 0 : size / (timePs * 1e-12) / 1e6;
      String algorithm = pingpong ? "" : MpichSelector.select(op, jobRanks, size).name();
      totalEvents += r.events();
      totalWall += r.wallNanos();
      if (json) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("bytes", size);
        row.put("timeUs", us);
        row.put("bandwidthMBps", mbps);
        row.put("events", r.events());
        row.put("wallSeconds", r.wallNanos() / 1e9);
        if (!pingpong) {
          row.put("algorithm", algorithm);
        }
        if (r.hasLinks()) {
          row.put("maxLinkUtilisation", r.maxLinkUtilisation());
        }
        rows.add(row);
      } else {
        out.printf(
            Locale.ROOT,
            "%12d %14.3f %14.3f %12d %10.3f  %s%n",
            size,
            us,
            mbps,
            r.events(),
            r.wallNanos() / 1e9,
            algorithm);
      }
    }
    if (json) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("benchmark", benchmark);
      record.put("network", describe(net));
      record.put("machine", machine.asMap());
      record.put("ranks", jobRanks);
      record.put("ranksPerNode", ranksPerNode);
      record.put("repetitions", repetitions);
      record.put("threads", threads);
      record.put("results", rows);
      record.put("events", totalEvents);
      record.put("wallSeconds", totalWall / 1e9);
      out.print(Json.line(record));
    }
    out.flush();
    return 0;
  }

  /**
   * Refuses a SeaStar machine given to --preset, which named one before it named the node, with the
   * options that say it now.
   */
  private void refuseFormerSeastarPreset() {
    String preset = spec.findOption(ParamOptions.optionName(NodeParams.PRESET)).getValue();
    String replacement =
        preset == null
            ? null
            : switch (preset) {
              case Torus.REDSTORM, Torus.REDSTORM_2005 -> "--topology " + preset;
              case "seastar2" -> "--nic-bandwidth 2.0GB/s";
              default -> null;
            };
    if (replacement != null) {
      throw new IllegalArgumentException(
          "--preset is now the node ("
              + NodeParams.PRESET.allowed()
              + "); the SeaStar machine '"
              + preset
              + "' is "
              + replacement);
    }
  }

  /** The benchmark named on the command line, checked against the imb workload's declaration. */
  private String benchmark() {
    String raw = spec.positionalParameters().get(0).getValue();
    try {
      return (String) Imb.BENCHMARK.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("BENCHMARK: " + e.getMessage(), e);
    }
  }

  /** The message sizes in bytes: {@link Units#bytes}, each in the imb workload's range. */
  private long[] sizes() {
    long[] bytes = new long[sizes.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = Units.bytes(sizes.get(i), "--sizes");
      try {
        Imb.BYTES.check(bytes[i]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--sizes: " + e.getMessage(), e);
      }
    }
    return bytes;
  }

  /**
   * The SeaStar network of the machine options ({@link NetworkParams#spec}, as {@code xtsim run}
   * builds it), with the timing overrides, the placement and the cores of a --preset node.
   */
  private SeastarSpec seastar(ParamValues machine, boolean pingpong, int jobRanks) {
    int nodes =
        (int) Math.min(Integer.MAX_VALUE, ((long) jobRanks + ranksPerNode - 1) / ranksPerNode);
    SeastarSpec base = (SeastarSpec) NetworkParams.spec(machine, nodes);
    SeastarParams timing = seastarTiming.applyTo(base.params());
    if (logGopsTiming.any()) {
      logGopsTiming.params(); // a value without its unit is refused as such first
      throw new IllegalArgumentException(
          "--L, --o, --g, --G, --O and --S are LogGOPS parameters; they need --network loggp");
    }
    Torus torus = base.torus();
    int cores = NodeParams.node(machine).cores();
    return new SeastarSpec(torus, timing, placement(torus, pingpong), cores);
  }

  /** LogGOPS with the given parameters. */
  private LogGopsParams logGops() {
    LogGopsParams p = logGopsTiming.params();
    if (seastarTiming.any()) {
      seastarTiming.applyTo(SeastarParams.seastar()); // a value without its unit is refused first
      throw new IllegalArgumentException(
          "--hop-latency, --link-bandwidth, --nic-bandwidth, --switching and --eager-threshold"
              + " set SeaStar timing; they need --network seastar");
    }
    return p;
  }

  private Placement placement(Torus torus, boolean pingpong) {
    if (!pingpong) {
      return Placement.parse(placement == null ? "contiguous" : placement, seed);
    }
    String where = placement == null ? "nearest" : placement;
    int other;
    if (where.equals("nearest")) {
      other = -1;
      for (int port = 0; port < Torus.PORTS && other < 0; port += 2) {
        other = torus.neighbour(0, port);
      }
    } else if (where.equals("farthest")) {
      other = torus.farthestFrom(0);
    } else {
      throw new IllegalArgumentException(
          "--placement for pingpong must be nearest or farthest, was '" + where + "'");
    }
    if (other <= 0) {
      throw new IllegalArgumentException("pingpong needs a --topology of at least 2 nodes");
    }
    return Placement.explicit(0, other);
  }

  private static Switching switching(String name) {
    switch (name) {
      case "cut-through":
        return Switching.CUT_THROUGH;
      case "store-and-forward":
        return Switching.STORE_AND_FORWARD;
      default:
        throw new IllegalArgumentException(
            "--switching must be cut-through or store-and-forward, was '" + name + "'");
    }
  }

  /** One line: the network as the options name it ({@code seastar 8x8x8:wrap=z contiguous}). */
  private static String describe(NetworkSpec net) {
    if (net instanceof SeastarSpec s) {
      return "seastar " + TopologyGrammar.format(s.torus()) + " " + s.placement();
    }
    LogGopsParams l = (LogGopsParams) net;
    return String.format(
        Locale.ROOT,
        "loggp L=%s o=%s g=%s G=%dps O=%dps S=%dB",
        SimTime.format(l.latencyPs()),
        SimTime.format(l.overheadPs()),
        SimTime.format(l.gapPs()),
        l.gapPerBytePs(),
        l.overheadPerBytePs(),
        l.eagerThresholdBytes());
  }

  private static List<Param> concat(List<Param> a, List<Param> b) {
    List<Param> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
