package org.xtsim.experiments.simulation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xtsim.engine.ProgressListener;
import org.xtsim.engine.SimTime;
import org.xtsim.experiments.InvalidPointException;
import org.xtsim.experiments.Metric;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.ProgressSink;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.network.mpi.CollectiveTiming;
import org.xtsim.workloads.WorkloadCatalog;
import org.xtsim.workloads.WorkloadMetric;
import org.xtsim.workloads.WorkloadResult;
import org.xtsim.workloads.WorkloadRun;
import org.xtsim.workloads.imb.Imb;

/**
 * Runs experiment points on the simulation models. Each point is typed once into a {@link
 * PointConfig} (node, guest, VMM, noise, network, collective timing, workload) through the models'
 * own declarations, validated, and run with one MPI rank per node.
 */
public final class SimulationPointRunner implements PointRunner {
  /**
   * Nodes each engine thread should have before a point uses it: below this, synchronising the
   * windows costs more than a second thread saves (measured: quick sweep of at most 16 nodes 5.7 s
   * with 1 thread, 8.8 s with 2; HPCCG at 1,024 nodes 2.2 s with 1, 1.6 s with 2). Results do not
   * depend on the thread count, so this only changes speed. The system property {@value
   * #MIN_NODES_PER_THREAD_PROPERTY} overrides it (tests set 1 to run small points on every thread).
   */
  static final int MIN_NODES_PER_THREAD = 256;

  /**
   * As {@link #MIN_NODES_PER_THREAD} with one-pass collectives, which leave far fewer events per
   * synchronisation window. Measured with {@code xtsim bench threads} (HPCCG, 2 threads against 1
   * on this 2-core machine, results/benchmarks/threads.md): once the JVM has compiled the
   * simulator, 1.19× at 1,024 nodes, 1.34× at 2,048 and 1.42–1.67× at 4,096; the first point of a
   * fresh JVM gains nothing at 4,096 nodes (the compiler takes its CPU time from the engine
   * threads) and would lose below. A second thread is used from 4,096 nodes.
   */
  static final int MIN_NODES_PER_THREAD_DATAFLOW = 2048;

  /** System property overriding {@link #MIN_NODES_PER_THREAD} and its dataflow counterpart. */
  public static final String MIN_NODES_PER_THREAD_PROPERTY = "xtsim.minNodesPerThread";

  /**
   * Wall time between two progress reports of a running point. With a listener, the engine reads
   * the clock once per synchronisation window (once per 16,384 events on one thread), and a report
   * sums the threads' event counts: two a second cost nothing measurable.
   */
  static final long PROGRESS_INTERVAL_MILLIS = 500;

  private final WorkloadCatalog catalog = WorkloadCatalog.standard();
  private final ModelRegistry registry = ModelRegistry.standard();

  /** Points validated and not yet run, typed once (see {@link PointConfig}). */
  private final Map<String, PointConfig> validated = new ConcurrentHashMap<>();

  @Override
  public ModelRegistry registry() {
    return registry;
  }

  /**
   * The typed configuration of {@code point}: its models, the network built once.
   *
   * @throws InvalidPointException naming the key whose value the models refuse
   */
  public PointConfig config(RunPoint point) {
    try {
      return PointConfig.of(point, registry, catalog);
    } catch (PointConfig.InvalidSetting e) {
      throw new InvalidPointException(e.key, e.getMessage());
    }
  }

  @Override
  public void validate(RunPoint point) {
    PointConfig config = config(point);
    if (point.workload().equals("imb")
        && "pingpong".equals(point.params().get(Imb.BENCHMARK.key()))
        && point.nodes() < 2) {
      throw new InvalidPointException("nodes", "IMB pingpong needs at least 2 nodes");
    }
    try {
      config.network().place(point.nodes(), 1);
    } catch (IllegalArgumentException e) {
      throw new InvalidPointException("nodes", e.getMessage());
    }
    HeapEstimate heap = heapEstimate(config);
    if (!heap.fits(Runtime.getRuntime().maxMemory())) {
      throw new InvalidPointException("nodes", heap.problem(Runtime.getRuntime().maxMemory()));
    }
    validated.put(point.id(), config);
  }

  @Override
  public PointResult run(RunPoint point, int threads, ProgressSink progress) {
    PointConfig config = validated.remove(point.id());
    if (config == null) {
      config = config(point);
    }
    WorkloadResult r =
        workloadRun(
                config, point.seed(), threadsFor(point.nodes(), threads, config.collectiveTiming()))
            .progress(listener(progress), PROGRESS_INTERVAL_MILLIS)
            .run();
    PointResult.Builder out = PointResult.builder();
    for (WorkloadMetric m : r.metrics()) {
      out.metric(m.name(), m.value(), m.unit(), Metric.Better.valueOf(m.better().name()));
    }
    for (WorkloadResult.Distribution d : r.distributions()) {
      out.distribution(d.name(), d.unit(), d.histogram());
    }
    out.events(r.statistics().committedEvents());
    out.wallSeconds(r.statistics().wallSeconds());
    return out.build();
  }

  /**
   * The engine's progress reports passed on: the fraction done when the run has an end time, and
   * always the simulated time and events so far (workloads run until their last rank finishes).
   */
  static ProgressListener listener(ProgressSink progress) {
    return (simTimePs, endTimePs, committedEvents, wallNanos) -> {
      if (endTimePs != SimTime.NEVER && endTimePs > 0) {
        progress.fractionDone((double) simTimePs / endTimePs);
      }
      progress.advanced(simTimePs, committedEvents);
    };
  }

  /**
   * The models of a point, ready to prepare or run on exactly {@code threads} engine threads.
   *
   * @throws InvalidPointException if the point names something the models do not know
   */
  public WorkloadRun workloadRun(RunPoint point, int threads) {
    return workloadRun(config(point), point.seed(), threads);
  }

  private static WorkloadRun workloadRun(PointConfig config, long seed, int threads) {
    return WorkloadRun.builder()
        .workload(config.workload())
        .system(config.node(), config.guest(), config.vmm())
        .noise(config.noise())
        .network(config.network())
        .collectiveTiming(config.collectiveTiming())
        .nodes(config.nodes())
        .threads(threads)
        .seed(seed);
  }

  /** The heap the point needs (see {@link HeapEstimate}). */
  public HeapEstimate heapEstimate(RunPoint point) {
    return heapEstimate(config(point));
  }

  private static HeapEstimate heapEstimate(PointConfig config) {
    return HeapEstimate.of(
        config.nodes(), config.network(), config.workload().peakSendBytesPerRank());
  }

  /**
   * The threads a point of {@code nodes} nodes uses: at most one per {@link #MIN_NODES_PER_THREAD}.
   */
  static int threadsFor(int nodes, int threads) {
    return threadsFor(nodes, threads, CollectiveTiming.MESSAGES);
  }

  /**
   * As {@link #threadsFor(int, int)}, for a point whose collectives are timed by {@code timing}:
   * with one-pass collectives at most one thread per {@link #MIN_NODES_PER_THREAD_DATAFLOW}.
   */
  static int threadsFor(int nodes, int threads, CollectiveTiming timing) {
    int fallback =
        timing == CollectiveTiming.DATAFLOW ? MIN_NODES_PER_THREAD_DATAFLOW : MIN_NODES_PER_THREAD;
    int perThread = Math.max(1, Integer.getInteger(MIN_NODES_PER_THREAD_PROPERTY, fallback));
    return Math.max(1, Math.min(threads, nodes / perThread));
  }
}
