package org.xtsim.experiments.simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xtsim.experiments.InvalidPointException;
import org.xtsim.experiments.Metric;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.ProgressSink;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.registry.ValueDomain;
import org.xtsim.experiments.registry.WorkloadDefinition;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.network.mpi.CollectiveTiming;
import org.xtsim.network.seastar.SeastarParams;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.network.topology.Torus;
import org.xtsim.workloads.ParamSpec;
import org.xtsim.workloads.Workload;
import org.xtsim.workloads.WorkloadCatalog;
import org.xtsim.workloads.WorkloadFactory;
import org.xtsim.workloads.WorkloadMetric;
import org.xtsim.workloads.WorkloadParams;
import org.xtsim.workloads.WorkloadResult;
import org.xtsim.workloads.WorkloadRun;

/**
 * Runs experiment points on the simulation models: node preset, guest OS and VMM configuration from
 * the point's configuration keys, the network from its {@code machine} section, the workload from
 * the catalogue with the point's {@code params}. One MPI rank per node.
 */
public final class SimulationPointRunner implements PointRunner {
  /** Machine key (declared in the default registry): whether SeaStar packets share links. */
  static final String LINK_CONTENTION = "link_contention";

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

  /** Machine key (declared in the default registry): how collectives are timed. */
  static final String COLLECTIVE_TIMING = "collective_timing";

  /** Machine key (declared in the default registry): SeaStar packet size. */
  static final String PACKET_BYTES = "packet_bytes";

  /** Topology value: Red Storm when the job fits on it, else {@link Torus#fitting}. */
  public static final String AUTO_TOPOLOGY = "auto";

  /** Prefix of a torus topology value such as {@code torus-64x64x32}. */
  static final String TORUS_PREFIX = "torus-";

  private final WorkloadCatalog catalog = WorkloadCatalog.standard();
  private final ModelRegistry registry = declare(catalog);

  /** The registry: today's keys, plus every workload as the catalogue declares it. */
  private static ModelRegistry declare(WorkloadCatalog catalog) {
    ModelRegistry.Builder b = ModelRegistry.defaults().toBuilder();
    b.configurationKey(
        "preemption",
        ValueDomain.choice("controlled", "uncontrolled", "aligned", "deferred", "none")
            .withDefault("none")
            .describedAs(
                "host preemption: controlled (= deferred: host work waits while the guest"
                    + " computes), aligned (host ticks at the same times on every node),"
                    + " uncontrolled (100 Hz, random phase per node), none"));
    b.configurationKey(
        SystemSettings.NOISE_SYNC,
        ValueDomain.bool()
            .withDefault(false)
            .describedAs("injected noise at the same times on every node (synchronised)"));
    for (String name : catalog.names()) {
      WorkloadFactory f = catalog.factory(name);
      Map<String, ValueDomain> params = new LinkedHashMap<>();
      for (ParamSpec p : f.params()) {
        params.put(p.name(), domain(p));
      }
      b.workload(new WorkloadDefinition(name, f.description(), params));
    }
    return b.build();
  }

  private static ValueDomain domain(ParamSpec p) {
    ValueDomain d;
    if (!p.isNumeric()) {
      d = ValueDomain.choice(p.choices().toArray(new String[0]));
    } else if (p.isInteger()) {
      d = ValueDomain.integer((long) p.min(), (long) p.max());
    } else {
      d = ValueDomain.decimal(p.min(), p.max());
    }
    return d.withDefault(p.defaultValue()).describedAs(p.description());
  }

  @Override
  public ModelRegistry registry() {
    return registry;
  }

  @Override
  public void validate(RunPoint point) {
    try {
      workload(point);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int colon = message.indexOf(':');
      String key =
          message.startsWith("params.") ? message.substring(0, message.indexOf(' ')) : "params";
      throw new InvalidPointException(
          key, colon > 0 ? message.substring(colon + 1).trim() : message);
    }
    if (point.workload().equals("imb")
        && "pingpong".equals(point.params().getOrDefault("benchmark", "pingpong"))
        && point.nodes() < 2) {
      throw new InvalidPointException("nodes", "IMB pingpong needs at least 2 nodes");
    }
    try {
      network(point).place(point.nodes(), 1);
    } catch (IllegalArgumentException e) {
      throw new InvalidPointException("nodes", e.getMessage());
    }
    if (collectiveTiming(point) == CollectiveTiming.DATAFLOW
        && !(network(point) instanceof SeastarSpec s && !s.params().linkContention())) {
      throw new InvalidPointException(
          "machine." + COLLECTIVE_TIMING,
          "dataflow needs SeaStar with idle-link timing: set machine.network: seastar and"
              + " machine.link_contention: false");
    }
    HeapEstimate heap = heapEstimate(point);
    if (!heap.fits(Runtime.getRuntime().maxMemory())) {
      throw new InvalidPointException("nodes", heap.problem(Runtime.getRuntime().maxMemory()));
    }
    try {
      SystemSettings.vmm(point);
      SystemSettings.noise(point);
    } catch (IllegalArgumentException e) {
      throw new InvalidPointException("vmm", e.getMessage());
    }
  }

  @Override
  public PointResult run(RunPoint point, int threads, ProgressSink progress) {
    WorkloadResult r =
        workloadRun(point, threadsFor(point.nodes(), threads, collectiveTiming(point))).run();
    PointResult.Builder out = PointResult.builder();
    for (WorkloadMetric m : r.metrics()) {
      out.metric(
          m.name(),
          m.value(),
          m.unit(),
          m.higherIsBetter() ? Metric.Better.HIGHER : Metric.Better.LOWER);
    }
    for (WorkloadResult.Distribution d : r.distributions()) {
      out.distribution(d.name(), d.unit(), d.histogram());
    }
    out.events(r.statistics().committedEvents());
    out.wallSeconds(r.statistics().wallSeconds());
    return out.build();
  }

  /**
   * The models of a point, ready to prepare or run on exactly {@code threads} engine threads.
   *
   * @throws IllegalArgumentException if the point names something the models do not know (call
   *     {@link #validate} first for an error that names the key)
   */
  public WorkloadRun workloadRun(RunPoint point, int threads) {
    return WorkloadRun.builder()
        .workload(workload(point))
        .system(SystemSettings.node(point), SystemSettings.guest(point), SystemSettings.vmm(point))
        .noise(SystemSettings.noise(point))
        .network(network(point))
        .collectiveTiming(collectiveTiming(point))
        .nodes(point.nodes())
        .threads(threads)
        .seed(point.seed());
  }

  /** The point's {@value #COLLECTIVE_TIMING} (default: message by message). */
  static CollectiveTiming collectiveTiming(RunPoint point) {
    return SystemSettings.machine(point, COLLECTIVE_TIMING, "messages").equals("dataflow")
        ? CollectiveTiming.DATAFLOW
        : CollectiveTiming.MESSAGES;
  }

  /** The heap the point needs (see {@link HeapEstimate}). */
  public HeapEstimate heapEstimate(RunPoint point) {
    return HeapEstimate.of(point.nodes(), network(point), workload(point).peakSendBytesPerRank());
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

  private Workload workload(RunPoint point) {
    WorkloadFactory f = catalog.factory(point.workload());
    return f.create(WorkloadParams.resolve(point.workload(), f.params(), point.params()));
  }

  /** The network of the point's machine section: SeaStar on a preset or explicit mesh, or LogGP. */
  public static NetworkSpec network(RunPoint point) {
    String network = SystemSettings.machine(point, "network", "seastar");
    if (network.equals("loggp")) {
      return LogGopsParams.defaults();
    }
    String topology = SystemSettings.machine(point, "topology", Torus.REDSTORM);
    SeastarSpec spec;
    if (topology.equals(AUTO_TOPOLOGY)) {
      spec = SeastarSpec.preset(Torus.REDSTORM);
      if (point.nodes() > spec.torus().nodes()) {
        spec = spec.withTorus(Torus.fitting(point.nodes()));
      }
    } else if (topology.equals(Torus.REDSTORM) || topology.equals(Torus.REDSTORM_2005)) {
      spec = SeastarSpec.preset(topology);
    } else {
      boolean wraps = topology.startsWith(TORUS_PREFIX);
      String[] dims = topology.substring(wraps ? TORUS_PREFIX.length() : 0).split("x");
      int x = Integer.parseInt(dims[0]);
      int y = Integer.parseInt(dims[1]);
      int z = Integer.parseInt(dims[2]);
      spec =
          SeastarSpec.preset(Torus.REDSTORM)
              .withTorus(wraps ? Torus.torus(x, y, z) : Torus.mesh(x, y, z));
    }
    SeastarParams params = spec.params();
    Object contention = point.machine().get(LINK_CONTENTION);
    if (contention != null) {
      params = params.withLinkContention((Boolean) contention);
    }
    Object packet = point.machine().get(PACKET_BYTES);
    if (packet != null) {
      params = params.withPacketBytes(((Number) packet).intValue());
    }
    return spec.withParams(params);
  }
}
