package org.xtsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xtsim.engine.SimTime;
import org.xtsim.experiments.scale.GrowthFit;
import org.xtsim.experiments.scale.ScaleBenchmark;
import org.xtsim.experiments.scale.ScalePoint;
import org.xtsim.experiments.scale.ScaleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  @Spec CommandSpec spec;

  @Mixin BenchJobOptions job = new BenchJobOptions();

  @Option(
      names = "--nodes",
      paramLabel = "N,N,...",
      split = ",",
      description = "Node counts, each >= 1, run in this order (default: ${DEFAULT-VALUE}).")
  List<Integer> nodes = new ArrayList<>(List.of(1024, 4096, 16384, 65536, 131072));

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Engine threads of every run, >= 1, used whatever the node count (default:"
              + " ${DEFAULT-VALUE}).")
  int threads = 2;

  @Mixin BenchOutputOptions output = new BenchOutputOptions();

  @Option(
      names = "--redraw",
      description =
          "Run nothing: redraw the figure of <out>/<name>.csv, written by an earlier run"
              + " (default: off).")
  boolean redraw;

  @Override
  public Integer call() throws IOException {
    if (redraw) {
      String base = output.existingBase("scale-" + job.workload);
      Path csv = output.out.resolve(base + ".csv");
      if (!java.nio.file.Files.isRegularFile(csv)) {
        throw new IllegalArgumentException("--redraw: no such file: " + csv);
      }
      for (Path p : ScaleReport.figure(output.out, base, job.workload, ScaleReport.read(csv))) {
        spec.commandLine().getOut().println("wrote " + p);
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
    CommandLimits.threads("--threads", threads);
    ScaleBenchmark bench = job.benchmark(threads, nodes);
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String base = output.freshBase("scale-" + job.workload, o);
    BenchJobOptions.checkHeap(bench, nodes, output.dryRun, o);
    if (output.dryRun) {
      return 0;
    }
    o.println(
        String.format(
            Locale.ROOT,
            "xtsim bench scale: %s, %d thread%s, seed %d",
            job.describe(),
            threads,
            threads == 1 ? "" : "s",
            job.seed));
    o.println(
        "     nodes  topology        wall s   build s          events   M ev/s  idle s  help s"
            + "  peak heap MiB  bytes/node");
    o.flush();
    List<ScalePoint> points = new ArrayList<>();
    for (int n : nodes) {
      ScalePoint p = bench.measure(n, progress(err, n));
      points.add(p);
      o.printf(
          Locale.ROOT,
          "%,10d  %-15s%8.2f  %8.2f  %,14d  %7.2f  %6.2f  %6.2f  %13.1f  %10.0f%n",
          p.nodes(),
          p.topology(),
          p.wallSeconds(),
          p.buildSeconds(),
          p.events(),
          p.eventsPerSecond() / 1e6,
          p.barrierIdleSeconds(),
          p.barrierHelpSeconds(),
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
    Map<String, Object> recorded = job.recorded();
    recorded.put("threads", threads);
    recorded.put("nodes", nodes);
    List<String> commandLine = CommandLines.recorded(spec);
    recorded.put("command_line", String.join(" ", commandLine));
    for (Path p : ScaleReport.write(output.out, base, recorded, points)) {
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
}
