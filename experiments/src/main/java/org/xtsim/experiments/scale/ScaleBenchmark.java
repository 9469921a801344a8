package org.xtsim.experiments.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xtsim.engine.ProgressListener;
import org.xtsim.engine.RunStatistics;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.simulation.SimulationPointRunner;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.network.topology.TopologyGrammar;
import org.xtsim.workloads.WorkloadResult;
import org.xtsim.workloads.WorkloadRun;

/**
 * Runs one workload and system configuration at several node counts, one run at a time, and
 * measures each: wall time, events, peak heap, and the heap a finished job retains per node. Each
 * point is an ordinary experiment point (see {@link SimulationPointRunner}) with the same seed, so
 * a point of this benchmark gives the same figures as the same point in an experiment file.
 *
 * <p>Memory is measured with full collections around the run (outside the timed part): the live
 * heap before the job is built, and after it ran while it is still referenced. The difference per
 * node is what a simulated node costs, including the event queues and pools at their largest.
 */
public final class ScaleBenchmark {
  /** Wall time between progress reports of a long run. */
  static final long PROGRESS_INTERVAL_MILLIS = 5_000;

  private final SimulationPointRunner runner = new SimulationPointRunner();
  private final String workload;
  private final Map<String, Object> params;
  private final Map<String, Object> configuration;
  private final Map<String, Object> machine;
  private final int threads;
  private final long seed;

  /**
   * @param workload a workload of the standard catalogue
   * @param params workload parameters (others take their defaults)
   * @param configuration configuration keys as in an experiment file (vmm, guest, …)
   * @param machine machine keys as in an experiment file (preset, topology, …)
   * @param threads engine threads of every run, &ge; 1 (used as given, whatever the node count)
   * @param seed the seed of every run
   */
  public ScaleBenchmark(
      String workload,
      Map<String, Object> params,
      Map<String, Object> configuration,
      Map<String, Object> machine,
      int threads,
      long seed) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.workload = Objects.requireNonNull(workload, "workload");
    this.params = Map.copyOf(params);
    this.configuration = Map.copyOf(configuration);
    this.machine = Map.copyOf(machine);
    this.threads = threads;
    this.seed = seed;
  }

  /** The runner whose registry says which keys and values are allowed. */
  public SimulationPointRunner runner() {
    return runner;
  }

  /** The experiment point of {@code nodes} nodes. */
  public RunPoint point(int nodes) {
    Map<String, Object> swept = new LinkedHashMap<>();
    swept.put(RunPoint.NODES, (long) nodes);
    return new RunPoint(
        "bench-scale/" + workload + "/nodes=" + nodes,
        workload,
        "bench",
        nodes,
        0,
        seed,
        params,
        configuration,
        machine,
        swept);
  }

  /**
   * Checks every point before any runs.
   *
   * @throws org.xtsim.experiments.InvalidPointException naming the key at fault
   */
  public void validate(List<Integer> nodeCounts) {
    for (int nodes : nodeCounts) {
      runner.validate(point(nodes));
    }
  }

  /**
   * The mesh or torus a point of {@code nodes} nodes runs on, in the topology grammar of files and
   * commands ({@code torus-64x64x32}, {@code 27x20x24}); {@code loggp} for the analytic network.
   */
  public String topology(int nodes) {
    NetworkSpec spec = runner.config(point(nodes)).network();
    return spec instanceof SeastarSpec s ? TopologyGrammar.format(s.torus()) : "loggp";
  }

  /**
   * Runs the point of {@code nodes} nodes with this benchmark's threads and measures it; {@code
   * progress} may be null.
   */
  public ScalePoint measure(int nodes, ProgressListener progress) {
    return measure(nodes, threads, progress);
  }

  /**
   * Runs the point of {@code nodes} nodes with {@code threads} engine threads and measures it;
   * {@code progress} may be null. The thread count changes how fast the run goes, never what it
   * computes.
   */
  public ScalePoint measure(int nodes, int threads, ProgressListener progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    RunPoint point = point(nodes);
    long before = liveHeapBytes();
    long buildStart = System.nanoTime();
    WorkloadRun run = runner.workloadRun(point, threads);
    if (progress != null) {
      run.progress(progress, PROGRESS_INTERVAL_MILLIS);
    }
    WorkloadRun.Prepared job = run.prepare();
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
    List<MemoryPoolMXBean> heap = heapPools();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    WorkloadResult result = job.run();
    long peak = 0;
    for (MemoryPoolMXBean pool : heap) {
      peak += pool.getPeakUsage().getUsed();
    }
    long after = liveHeapBytes();
    Reference.reachabilityFence(job); // measured above with the finished job still held
    RunStatistics stats = result.statistics();
    return new ScalePoint(
        nodes,
        topology(nodes),
        threads,
        stats.wallSeconds(),
        buildSeconds,
        stats.committedEvents(),
        stats.windows(),
        peak,
        Math.max(0, after - before) / (double) nodes,
        result.metric("completion_time").value(),
        meanSeconds(stats.waitNanosPerThread()),
        meanSeconds(stats.helpNanosPerThread()),
        stats.eventImbalance());
  }

  private static double meanSeconds(long[] nanosPerThread) {
    if (nanosPerThread == null || nanosPerThread.length == 0) {
      return 0;
    }
    long sum = 0;
    for (long w : nanosPerThread) {
      sum += w;
    }
    return sum / 1e9 / nanosPerThread.length;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }

  /** Heap in use after two full collections. */
  private static long liveHeapBytes() {
    var memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
