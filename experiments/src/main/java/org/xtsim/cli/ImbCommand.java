package org.xtsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xtsim.engine.SimTime;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.Units;
import org.xtsim.network.collectives.Collective;
import org.xtsim.network.collectives.MpichSelector;
import org.xtsim.network.imb.CollectiveLoop;
import org.xtsim.network.imb.PingPong;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.MpiJob;
import org.xtsim.network.mpi.RankProgram;
import org.xtsim.network.seastar.SeastarParams;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.network.seastar.Switching;
import org.xtsim.network.topology.Placement;
import org.xtsim.network.topology.Torus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xtsim imb}: Intel MPI Benchmarks-style runs on the SeaStar or LogGOPS network. */
@Command(
    name = "imb",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs an IMB-style benchmark on the simulated network and prints, per message size, the"
          + " time (us) and bandwidth (MB/s, 10^6 B/s), with events and wall time.",
      "pingpong: one-way time between ranks 0 and 1 (half the round trip). Collectives: time per"
          + " call over all ranks, with MPICH's algorithm for the size.",
      "Values take units: times ps, ns, us, ms; sizes B, KiB, MiB (KB, MB = 10^3, 10^6);"
          + " bandwidths GB/s, MB/s."
    })
final class ImbCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "BENCHMARK",
      description = "pingpong, allreduce, barrier, bcast, reduce, allgather or alltoall.")
  String benchmark;

  @Option(names = "--network", description = "seastar or loggp (default: ${DEFAULT-VALUE}).")
  String network = "seastar";

  @Option(
      names = "--preset",
      description =
          "SeaStar machine: redstorm (27x20x24, SeaStar 1.2), redstorm-2005 (27x16x24) or"
              + " seastar2 (redstorm with 2.0 GB/s NICs) (default: ${DEFAULT-VALUE}).")
  String preset = "redstorm";

  @Option(
      names = "--dims",
      description = "SeaStar mesh size XxYxZ, each > 0, instead of the preset's (default: preset).")
  String dims;

  @Option(
      names = "--wrap",
      description =
          "SeaStar dimensions that wrap around (torus): any of x, y, z, or none (default: ${DEFAULT-VALUE}).")
  String wrap = "none";

  @Option(
      names = "--placement",
      description =
          "pingpong: nearest or farthest (rank 1 next to or farthest from rank 0); collectives:"
              + " contiguous, snake or random (default: nearest / contiguous).")
  String placement;

  @Option(
      names = "--ranks",
      description =
          "Ranks for collectives, > 0; pingpong always uses 2 (default: ${DEFAULT-VALUE}).")
  int ranks = 16;

  @Option(
      names = "--ranks-per-node",
      description = "Ranks per node, > 0 and at most the node's cores (default: ${DEFAULT-VALUE}).")
  int ranksPerNode = 1;

  @Option(
      names = {"--sizes", "--bytes"},
      split = ",",
      description =
          "Message sizes, comma-separated, e.g. 8,1KiB,1MiB (collectives: bytes per rank or pair;"
              + " barrier: ignored) (default: 8,1KiB,1MiB).")
  List<String> sizes = new ArrayList<>(List.of("8", "1KiB", "1MiB"));

  @Option(
      names = "--repetitions",
      description = "Calls (or round trips) per size, > 0 (default: ${DEFAULT-VALUE}).")
  int repetitions = 4;

  @Option(names = "--L", description = "LogGOPS latency L, > 0 (default: 2.5us).")
  String latency;

  @Option(names = "--o", description = "LogGOPS overhead o (default: 1.5us).")
  String overhead;

  @Option(names = "--g", description = "LogGOPS gap g (default: 1us).")
  String gap;

  @Option(names = "--G", description = "LogGOPS gap per byte G (default: 909ps, 1.1 GB/s).")
  String gapPerByte;

  @Option(names = "--O", description = "LogGOPS overhead per byte O (default: 0ps).")
  String overheadPerByte;

  @Option(names = "--S", description = "LogGOPS eager threshold S (default: 65536B).")
  String eagerLimit;

  @Option(names = "--hop-latency", description = "SeaStar per-hop latency (default: 44.8ns).")
  String hopLatency;

  @Option(names = "--link-bandwidth", description = "SeaStar link bandwidth (default: 3.8GB/s).")
  String linkBandwidth;

  @Option(
      names = "--nic-bandwidth",
      description = "SeaStar NIC rate (default: 1.1GB/s; 2.0GB/s for seastar2).")
  String nicBandwidth;

  @Option(
      names = "--packet",
      description = "SeaStar simulated packet size, in [1B, 16MiB) (default: 4KiB).")
  String packet;

  @Option(
      names = "--switching",
      description = "SeaStar switching: cut-through or store-and-forward (default: cut-through).")
  String switching;

  @Option(names = "--eager-threshold", description = "SeaStar MPI eager limit (default: 128000B).")
  String eagerThreshold;

  @Option(
      names = "--link-contention",
      arity = "1",
      description =
          "SeaStar: true moves packets router by router, sharing links; false sends them straight"
              + " to the destination with idle-link timing (faster; contention only at NICs)"
              + " (default: ${DEFAULT-VALUE}).")
  boolean linkContention = true;

  @Option(
      names = "--reduce-cost",
      description = "Reduction time per byte in collectives (default: 250ps).")
  String reduceCost;

  @Option(names = "--threads", description = "Engine threads, >= 1 (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = "--seed", description = "Run seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    boolean pingpong = benchmark.equals("pingpong");
    Collective op = pingpong ? null : collective(benchmark);
    if (repetitions < 1) {
      throw new IllegalArgumentException("--repetitions must be >= 1, was " + repetitions);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
    }
    long[] bytes =
        op == Collective.BARRIER
            ? new long[] {0}
            : sizes.stream().mapToLong(s -> Units.bytes(s, "--sizes")).toArray();
    int jobRanks = pingpong ? 2 : ranks;
    if (jobRanks < 1) {
      throw new IllegalArgumentException("--ranks must be > 0, was " + ranks);
    }
    NetworkSpec net = networkSpec(pingpong);
    double gamma =
        reduceCost == null
            ? MpiJob.DEFAULT_REDUCE_PS_PER_BYTE
            : Units.timePs(reduceCost, "--reduce-cost");
    PrintWriter out = spec.commandLine().getOut();
    StringBuilder rows = new StringBuilder();
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
        rows.append(rows.length() == 0 ? "" : ",")
            .append(
                String.format(
                    Locale.ROOT,
                    "{\"bytes\":%d,\"timeUs\":%.6f,\"bandwidthMBps\":%.3f,\"events\":%d,"
                        + "\"wallSeconds\":%.6f%s%s}",
                    size,
                    us,
                    mbps,
                    r.events(),
                    r.wallNanos() / 1e9,
                    pingpong ? "" : ",\"algorithm\":\"" + algorithm + "\"",
                    r.hasLinks()
                        ? String.format(
                            Locale.ROOT, ",\"maxLinkUtilisation\":%.4f", r.maxLinkUtilisation())
                        : ""));
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
      out.printf(
          Locale.ROOT,
          "{\"benchmark\":\"%s\",\"network\":\"%s\",\"ranks\":%d,\"threads\":%d,"
              + "\"results\":[%s],\"events\":%d,\"wallSeconds\":%.6f}%n",
          benchmark,
          describe(net),
          jobRanks,
          threads,
          rows,
          totalEvents,
          totalWall / 1e9);
    }
    out.flush();
    return 0;
  }

  private static Collective collective(String name) {
    for (Collective c : Collective.values()) {
      if (c.name().toLowerCase(Locale.ROOT).equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown benchmark '"
            + name
            + "' (allowed: pingpong, allreduce, barrier, bcast, reduce, allgather, alltoall)");
  }

  private NetworkSpec networkSpec(boolean pingpong) {
    switch (network) {
      case "loggp":
        LogGopsParams d = LogGopsParams.defaults();
        return new LogGopsParams(
            latency == null ? d.latencyPs() : Units.timePs(latency, "--L"),
            overhead == null ? d.overheadPs() : Units.timePs(overhead, "--o"),
            gap == null ? d.gapPs() : Units.timePs(gap, "--g"),
            gapPerByte == null ? d.gapPerBytePs() : Units.timePs(gapPerByte, "--G"),
            overheadPerByte == null ? d.overheadPerBytePs() : Units.timePs(overheadPerByte, "--O"),
            eagerLimit == null ? d.eagerThresholdBytes() : Units.bytes(eagerLimit, "--S"));
      case "seastar":
        return seastarSpec(pingpong);
      default:
        throw new IllegalArgumentException(
            "--network must be seastar or loggp, was '" + network + "'");
    }
  }

  private SeastarSpec seastarSpec(boolean pingpong) {
    SeastarSpec base = SeastarSpec.preset(preset);
    Torus torus = dims == null ? base.torus() : torus(dims, wrap);
    SeastarParams p = base.params();
    if (hopLatency != null) {
      p = p.withHopLatencyPs(Units.timePs(hopLatency, "--hop-latency"));
    }
    if (linkBandwidth != null) {
      p = p.withLinkBandwidth(Units.bytesPerSecond(linkBandwidth, "--link-bandwidth"));
    }
    if (nicBandwidth != null) {
      p = p.withNicBandwidth(Units.bytesPerSecond(nicBandwidth, "--nic-bandwidth"));
    }
    if (packet != null) {
      p = p.withPacketBytes((int) Math.min(Integer.MAX_VALUE, Units.bytes(packet, "--packet")));
    }
    if (switching != null) {
      p = p.withSwitching(switching(switching));
    }
    if (eagerThreshold != null) {
      p = p.withEagerThresholdBytes(Units.bytes(eagerThreshold, "--eager-threshold"));
    }
    p = p.withLinkContention(linkContention);
    Placement place;
    if (pingpong) {
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
        throw new IllegalArgumentException("pingpong needs a mesh of at least 2 nodes");
      }
      place = Placement.explicit(0, other);
    } else {
      place = Placement.parse(placement == null ? "contiguous" : placement, seed);
    }
    return new SeastarSpec(torus, p, place, base.coresPerNode());
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

  private static Torus torus(String dims, String wrap) {
    String[] parts = dims.toLowerCase(Locale.ROOT).split("x");
    if (parts.length != 3) {
      throw new IllegalArgumentException("--dims must look like 27x20x24, was '" + dims + "'");
    }
    int[] size = new int[3];
    for (int i = 0; i < 3; i++) {
      try {
        size[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--dims must look like 27x20x24, was '" + dims + "'");
      }
      if (size[i] <= 0) {
        throw new IllegalArgumentException(
            "--dims: every dimension must be > 0, was '" + dims + "'");
      }
    }
    String w = wrap.toLowerCase(Locale.ROOT);
    if (!w.equals("none") && !w.matches("[xyz]{1,3}")) {
      throw new IllegalArgumentException(
          "--wrap must be none or letters from xyz, was '" + wrap + "'");
    }
    return new Torus(size[0], size[1], size[2], w.contains("x"), w.contains("y"), w.contains("z"));
  }

  private String describe(NetworkSpec net) {
    if (net instanceof SeastarSpec s) {
      return "seastar " + s.torus() + " " + s.placement();
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
}
