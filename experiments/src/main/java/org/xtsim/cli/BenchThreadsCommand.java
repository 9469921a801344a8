package org.xtsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.xtsim.experiments.scale.ScaleBenchmark;
import org.xtsim.experiments.scale.ScalePoint;
import org.xtsim.experiments.scale.ThreadScaling;
import org.xtsim.experiments.scale.ThreadScalingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xtsim bench threads}: how one job's wall time falls as engine threads are added. */
@Command(
    name = "threads",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one job (a workload at one node count) with each of several engine thread counts,"
          + " several times each, and reports per thread count the median, fastest and slowest"
          + " wall time, the speed-up and the parallel efficiency against the smallest thread"
          + " count; the time the threads spent idle at window barriers (waiting for the"
          + " slowest: what the parallel run loses) and helping there with another thread's"
          + " split event (the one-pass collectives: work), mean per thread; and the busiest"
          + " thread's events over the mean.",
      "Rounds alternate the order of the thread counts (ascending, then descending), so that a"
          + " drift in the machine's speed falls on all of them alike. Warm-up rounds run first"
          + " in the same JVM and are not timed: a cold JVM compiles the simulator while it runs"
          + " (about 1.3 s of compiler CPU time at 4,096 nodes), and with as many engine threads"
          + " as cores the compiler takes its time from them; --warmup 0 measures that too.",
      "Every run must compute the same result (events and simulated time); if one does not,"
          + " the benchmark fails (exit status 1).",
      "Writes <out>/<name>.csv, .json (settings, version, JVM, processors, every run in order),"
          + " .png and .svg.",
      "",
      "Example: xtsim bench threads --nodes 4096 --threads 1,2,4,8,16 --repeat 5"
    })
final class BenchThreadsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchJobOptions job = new BenchJobOptions();

  @Option(
      names = "--nodes",
      paramLabel = "N",
      description = "Node count of the job, >= 1 (default: ${DEFAULT-VALUE}).")
  int nodes = 4096;

  @Option(
      names = "--threads",
      paramLabel = "N,N,...",
      split = ",",
      description =
          "Engine thread counts, each >= 1; speed-ups are against the smallest (default:"
              + " ${DEFAULT-VALUE}).")
  List<Integer> threads = new ArrayList<>(List.of(1, 2));

  @Option(
      names = "--repeat",
      paramLabel = "R",
      description = "Timed rounds, >= 1; each runs every thread count once (default: 3).")
  int repeat = 3;

  @Option(
      names = "--warmup",
      paramLabel = "K",
      description =
          "Untimed rounds before the timed ones, >= 0; each runs every thread count once"
              + " (default: 1).")
  int warmup = 1;

  @Mixin BenchOutputOptions output = new BenchOutputOptions();

  @Override
  public Integer call() throws IOException {
    if (threads.isEmpty()) {
      throw new IllegalArgumentException("--threads: give at least one thread count");
    }
    for (int t : threads) {
      if (t < 1) {
        throw new IllegalArgumentException("--threads: each count must be >= 1, was " + t);
      }
    }
    List<Integer> counts = new ArrayList<>(new TreeSet<>(threads));
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat must be >= 1, was " + repeat);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must be >= 0, was " + warmup);
    }
    ScaleBenchmark bench = job.benchmark(counts.get(0), List.of(nodes));
    PrintWriter o = spec.commandLine().getOut();
    String base = output.freshBase("threads-" + job.workload + "-" + nodes, o);
    BenchJobOptions.checkHeap(bench, List.of(nodes), output.dryRun, o);
    if (output.dryRun) {
      return 0;
    }
    int processors = Runtime.getRuntime().availableProcessors();
    o.printf(
        Locale.ROOT,
        "xtsim bench threads: %s, %,d nodes on %s, threads %s, %d warm-up and %d timed"
            + " round%s, seed %d, %d processors%n",
        job.describe(),
        nodes,
        bench.topology(nodes),
        counts,
        warmup,
        repeat,
        repeat == 1 ? "" : "s",
        job.seed,
        processors);
    if (counts.get(counts.size() - 1) > processors) {
      o.printf(
          Locale.ROOT,
          "note: %d threads on %d processors: the threads beyond the processors share them%n",
          counts.get(counts.size() - 1),
          processors);
    }
    o.flush();
    List<ScalePoint> warm = new ArrayList<>();
    List<ScalePoint> timed = new ArrayList<>();
    ScalePoint first = null;
    for (int round = 0; round < warmup + repeat; round++) {
      boolean isWarmup = round < warmup;
      List<Integer> order = new ArrayList<>(counts);
      if (round % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (int t : order) {
        ScalePoint p = bench.measure(nodes, t, null);
        (isWarmup ? warm : timed).add(p);
        first = first == null ? p : first;
        ThreadScaling.requireSameResult(List.of(first, p)); // fail at the first run that differs
        o.printf(
            Locale.ROOT,
            "%s %d/%d: %2d thread%s %8.2f s wall, %6.2f s idle and %.2f s helping at barriers%n",
            isWarmup ? "warm-up" : "round  ",
            isWarmup ? round + 1 : round - warmup + 1,
            isWarmup ? warmup : repeat,
            t,
            t == 1 ? " " : "s",
            p.wallSeconds(),
            p.barrierIdleSeconds(),
            p.barrierHelpSeconds());
        o.flush();
      }
    }
    List<ThreadScaling.Row> rows = ThreadScaling.summarise(timed);
    o.println(
        "threads  runs  median wall s   min s   max s  speed-up  efficiency  idle s  help s"
            + "  events max/mean    windows");
    for (ThreadScaling.Row r : rows) {
      o.printf(
          Locale.ROOT,
          "%7d  %4d  %13.3f  %6.3f  %6.3f  %8.3f  %10.3f  %6.3f  %6.3f  %15.4f  %,9d%n",
          r.values());
    }
    Map<String, Object> recorded = job.recorded();
    recorded.put("nodes", nodes);
    recorded.put("threads", counts);
    recorded.put("warmup_rounds", warmup);
    recorded.put("timed_rounds", repeat);
    recorded.put("command_line", String.join(" ", CommandLines.recorded(spec)));
    for (Path p : ThreadScalingReport.write(output.out, base, recorded, warm, timed)) {
      o.println("wrote " + p);
    }
    o.flush();
    return 0;
  }
}
