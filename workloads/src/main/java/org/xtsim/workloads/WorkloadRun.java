package org.xtsim.workloads;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.xtsim.engine.ProgressListener;
import org.xtsim.engine.RandomStream;
import org.xtsim.engine.SimTime;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.mpi.CollectiveTiming;
import org.xtsim.network.mpi.ComputeTimer;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.MpiJob;
import org.xtsim.node.ComputePhase;
import org.xtsim.node.CycleBreakdown;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.os.NoiseInjection;
import org.xtsim.node.os.OsPersonality;
import org.xtsim.vmm.ExitCounts;
import org.xtsim.vmm.ExitType;
import org.xtsim.vmm.NodeCostModel;
import org.xtsim.vmm.PhaseCost;
import org.xtsim.vmm.VmmConfig;

/**
 * Runs one workload on one system configuration: the node/VMM cost model times the compute steps,
 * the VMM's NIC costs add to the network's per-message overheads, and the MPI job runs on the
 * network.
 *
 * <pre>{@code
 * WorkloadResult r = WorkloadRun.builder()
 *     .workload(WorkloadCatalog.standard().create("hpccg", Map.of("nx", 100)))
 *     .system(NodePresets.xt4(), OsPersonalities.catamount(), VmmConfig.nested(PageSize.SIZE_2M))
 *     .network(SeastarSpec.preset("redstorm"))
 *     .nodes(4096).threads(2).seed(1)
 *     .run();
 * }</pre>
 *
 * <p>Besides the workload's own metrics, every run reports the completion time and where the
 * compute cycles went (compute, memory, TLB, VMM, I/O shares and VM exits per node), summed over
 * the compute steps every rank actually ran.
 */
public final class WorkloadRun {
  private Workload workload;
  private NodeSpec node;
  private OsPersonality guest;
  private VmmConfig vmm;
  private NoiseInjection noise;
  private NetworkSpec network;
  private int nodes = 1;
  private int ranksPerNode = 1;
  private int threads = 1;
  private long seed = 1;
  private CollectiveTiming collectiveTiming = CollectiveTiming.MESSAGES;
  private ProgressListener progress;
  private long progressMillis;

  private WorkloadRun() {}

  /** Starts describing a run. */
  public static WorkloadRun builder() {
    return new WorkloadRun();
  }

  /** The workload (required). */
  public WorkloadRun workload(Workload w) {
    this.workload = Objects.requireNonNull(w, "workload");
    return this;
  }

  /**
   * The node, its guest (or native) OS and the VMM configuration (required); the workload may
   * adjust the VMM configuration (memory size and swap) before the cost model is calibrated.
   */
  public WorkloadRun system(NodeSpec nodeSpec, OsPersonality guestOs, VmmConfig vmmConfig) {
    this.node = Objects.requireNonNull(nodeSpec, "node");
    this.guest = Objects.requireNonNull(guestOs, "guest");
    this.vmm = Objects.requireNonNull(vmmConfig, "vmm");
    return this;
  }

  /** Injected noise (Ferreira et al., SC08) on top of the OS's own; default none. */
  public WorkloadRun noise(NoiseInjection injection) {
    this.noise = injection;
    return this;
  }

  /** The network (required). */
  public WorkloadRun network(NetworkSpec spec) {
    this.network = Objects.requireNonNull(spec, "network");
    return this;
  }

  /** Nodes the job uses, &gt; 0. */
  public WorkloadRun nodes(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("nodes must be > 0, was " + count);
    }
    this.nodes = count;
    return this;
  }

  /** MPI ranks per node, &gt; 0 (default 1). */
  public WorkloadRun ranksPerNode(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("ranks per node must be > 0, was " + count);
    }
    this.ranksPerNode = count;
    return this;
  }

  /** How the MPI layer times collectives (default {@link CollectiveTiming#MESSAGES}). */
  public WorkloadRun collectiveTiming(CollectiveTiming timing) {
    this.collectiveTiming = Objects.requireNonNull(timing, "collectiveTiming");
    return this;
  }

  /** Engine threads, &gt; 0; the results do not depend on it. */
  public WorkloadRun threads(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("threads must be > 0, was " + count);
    }
    this.threads = count;
    return this;
  }

  /** Run seed. */
  public WorkloadRun seed(long s) {
    this.seed = s;
    return this;
  }

  /** Reports progress at most once per {@code intervalMillis} of wall time (default: none). */
  public WorkloadRun progress(ProgressListener listener, long intervalMillis) {
    this.progress = Objects.requireNonNull(listener, "listener");
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("progress interval must be > 0 ms");
    }
    this.progressMillis = intervalMillis;
    return this;
  }

  /** Runs the job and collects its figures. */
  public WorkloadResult run() {
    return prepare().run();
  }

  /**
   * Calibrates the node model and builds the job (every node, rank and queue exists) without
   * running it, so that its memory can be measured before it runs.
   */
  public Prepared prepare() {
    if (workload == null || node == null || network == null) {
      throw new IllegalStateException("a workload run needs a workload, a system and a network");
    }
    NodeCostModel model = NodeCostModel.calibrate(node, guest, workload.configure(vmm));
    if (noise != null) {
      model = model.withNoise(noise);
    }
    int ranks = Math.multiplyExact(nodes, ranksPerNode);
    int[] rankToNode = network.place(ranks, ranksPerNode);
    int nodeSlots = 0;
    for (int node : rankToNode) {
      nodeSlots = Math.max(nodeSlots, node + 1);
    }
    WorkloadInstance instance = workload.instantiate(ranks, seed);
    List<ComputeStep> steps = instance.steps();
    NodeComputeTimer timer = new NodeComputeTimer(model, steps, nodeSlots, seed);
    StepCounter counter = new StepCounter(timer, steps.size());
    MpiJob.Builder job =
        MpiJob.builder()
            .network(network)
            .ranks(ranks)
            .ranksPerNode(ranksPerNode)
            .program(instance)
            .computeTimer(counter)
            .nicCosts(new VmmNicCosts(model.nic(), model.vmm().nic().guestPolls()))
            .collectiveTiming(collectiveTiming)
            .threads(threads)
            .seed(seed);
    if (progress != null) {
      job.progress(progress, progressMillis);
    }
    return new Prepared(this, model, instance, steps, counter, job.build());
  }

  /** A built job, ready to run once. */
  public static final class Prepared {
    private final WorkloadRun run;
    private final NodeCostModel model;
    private final WorkloadInstance instance;
    private final List<ComputeStep> steps;
    private final StepCounter counter;
    private final MpiJob job;
    private boolean ran;

    private Prepared(
        WorkloadRun run,
        NodeCostModel model,
        WorkloadInstance instance,
        List<ComputeStep> steps,
        StepCounter counter,
        MpiJob job) {
      this.run = run;
      this.model = model;
      this.instance = instance;
      this.steps = steps;
      this.counter = counter;
      this.job = job;
    }

    /**
     * Runs the job and collects its figures.
     *
     * @throws IllegalStateException on a second call
     */
    public WorkloadResult run() {
      if (ran) {
        throw new IllegalStateException("a prepared workload run runs once");
      }
      ran = true;
      JobResult result = job.run();
      WorkloadResult.Builder out = new WorkloadResult.Builder(run.nodes);
      instance.report(result, out);
      out.lowerIsBetter("completion_time", SimTime.toSeconds(result.completionPs()), "s");
      run.reportCycles(model, steps, counter, out);
      if (result.hasLinks()) {
        out.measure("max_link_utilisation_pct", 100 * result.maxLinkUtilisation(), "%");
      }
      return out.build(result.statistics());
    }
  }

  private void reportCycles(
      NodeCostModel model,
      List<ComputeStep> steps,
      StepCounter counter,
      WorkloadResult.Builder out) {
    double compute = 0;
    double memory = 0;
    double tlb = 0;
    double vmm = 0;
    double io = 0;
    double diskReads = 0;
    double symCalls = 0;
    ExitCounts exits = new ExitCounts();
    for (int s = 0; s < steps.size(); s++) {
      double units = counter.units(s);
      if (units == 0) {
        continue;
      }
      for (ComputePhase phase : steps.get(s).phases()) {
        PhaseCost cost = model.cost(phase);
        CycleBreakdown c = cost.cycles();
        compute += units * c.compute();
        memory += units * c.memory();
        tlb += units * c.tlb();
        vmm += units * c.vmm();
        io += units * c.io();
        exits.addAll(cost.exits(), units);
        diskReads += units * cost.diskReads();
        symCalls += units * cost.symCalls();
      }
    }
    double total = compute + memory + tlb + vmm + io;
    double share = total == 0 ? 0 : 100 / total;
    out.measure("tlb_cycles_pct", tlb * share, "%");
    out.measure("vmm_cycles_pct", vmm * share, "%");
    out.measure("io_cycles_pct", io * share, "%");
    out.measure("compute_exits_per_node", exits.total() / nodes, "exits");
    out.measure("page_fault_exits_per_node", exits.get(ExitType.PF) / nodes, "exits");
    out.measure("swap_disk_reads_per_node", diskReads / nodes, "reads");
    out.measure("symcalls_per_node", symCalls / nodes, "calls");
  }

  /** Counts how many units of each step ran, over all nodes (a sum: order does not matter). */
  private static final class StepCounter implements ComputeTimer {
    private final ComputeTimer timer;
    private final LongAdder[] units;

    StepCounter(ComputeTimer timer, int steps) {
      this.timer = timer;
      this.units = new LongAdder[steps];
      for (int i = 0; i < steps; i++) {
        units[i] = new LongAdder();
      }
    }

    @Override
    public long computeEndPs(
        int node, long startPs, int phaseId, long amount, RandomStream random) {
      units[phaseId].add(amount);
      return timer.computeEndPs(node, startPs, phaseId, amount, random);
    }

    @Override
    public long hostWorkEndPs(int node, long startPs, long workPs) {
      return timer.hostWorkEndPs(node, startPs, workPs);
    }

    double units(int step) {
      return units[step].sum();
    }
  }
}
