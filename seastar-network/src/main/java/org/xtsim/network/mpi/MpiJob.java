package org.xtsim.network.mpi;

import java.util.Arrays;
import java.util.Objects;
import org.xtsim.engine.ProgressListener;
import org.xtsim.engine.RunStatistics;
import org.xtsim.engine.Simulation;
import org.xtsim.engine.SimulationBuilder;
import org.xtsim.network.Envelope;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.NicCosts;

/**
 * An MPI job on a simulated network: the entry point of the workloads layer.
 *
 * <pre>{@code
 * JobResult r = MpiJob.builder()
 *     .network(SeastarSpec.preset("redstorm"))      // or new LogGopsParams(...)
 *     .ranks(4096).ranksPerNode(1)
 *     .program(myProgram)                           // a RankProgram
 *     .computeTimer(new FixedRateComputeTimer(500)) // ps per unit of work
 *     .nicCosts(NicCosts.NATIVE)
 *     .threads(2).seed(1)
 *     .build().run();
 * r.completionPs();
 * }</pre>
 */
public final class MpiJob {
  /**
   * Default reduction cost: 250 ps per byte, about 2 ns per double added (<b>assumption</b> for a
   * 2–2.4 GHz Opteron streaming from cache; sweep it).
   */
  public static final double DEFAULT_REDUCE_PS_PER_BYTE = 250;

  private final Simulation simulation;
  private final RankTable ranks;
  private final NetworkModel network;

  private MpiJob(Simulation simulation, RankTable ranks, NetworkModel network) {
    this.simulation = simulation;
    this.ranks = ranks;
    this.network = network;
  }

  /** Starts describing a job. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the job to the end.
   *
   * @throws IllegalStateException if ranks are left waiting (a deadlock in the program)
   */
  public JobResult run() {
    RunStatistics stats = simulation.run();
    int stuck = 0;
    int first = -1;
    for (int r = 0; r < ranks.size; r++) {
      if (ranks.state[r] != RankTable.DONE) {
        stuck++;
        if (first < 0) {
          first = r;
        }
      }
    }
    if (stuck > 0) {
      throw new IllegalStateException(
          stuck
              + " of "
              + ranks.size
              + " ranks never finished (deadlock?); rank "
              + first
              + " is in state "
              + ranks.state[first]
              + " (1 computing, 2 waiting, 3 in a collective, 5 in a dataflow-timed collective)");
    }
    return new JobResult(
        ranks.finishPs.clone(),
        ranks.node,
        stats,
        network.linkBytes(),
        network.linkBandwidthBytesPerSecond());
  }

  /** Describes a job; every setter validates its argument. */
  public static final class Builder {
    private NetworkSpec network;
    private int ranks = -1;
    private int ranksPerNode = 1;
    private RankProgram program;
    private ComputeTimer computeTimer = new FixedRateComputeTimer(1000);
    private NicCosts nicCosts = NicCosts.NATIVE;
    private double reducePsPerByte = DEFAULT_REDUCE_PS_PER_BYTE;
    private CollectiveTiming collectiveTiming = CollectiveTiming.MESSAGES;
    private int threads = 1;
    private long seed = 1;
    private ProgressListener progress;
    private long progressMillis;

    private Builder() {}

    /** Reports progress at most once per {@code intervalMillis} of wall time (default: none). */
    public Builder progress(ProgressListener listener, long intervalMillis) {
      this.progress = Objects.requireNonNull(listener, "listener");
      if (intervalMillis <= 0) {
        throw new IllegalArgumentException("progress interval must be > 0 ms");
      }
      this.progressMillis = intervalMillis;
      return this;
    }

    /** The network (required). */
    public Builder network(NetworkSpec spec) {
      this.network = Objects.requireNonNull(spec, "network");
      return this;
    }

    /** Number of ranks, &gt; 0 (required). */
    public Builder ranks(int count) {
      if (count <= 0 || count > Envelope.MAX_RANKS) {
        throw new IllegalArgumentException(
            "ranks must be in [1, " + Envelope.MAX_RANKS + "], was " + count);
      }
      this.ranks = count;
      return this;
    }

    /** Ranks per node, &gt; 0 (default 1). */
    public Builder ranksPerNode(int count) {
      if (count <= 0) {
        throw new IllegalArgumentException("ranks per node must be > 0, was " + count);
      }
      this.ranksPerNode = count;
      return this;
    }

    /** The ranks' program (required). */
    public Builder program(RankProgram p) {
      this.program = Objects.requireNonNull(p, "program");
      return this;
    }

    /** How long compute operations take (default: 1 ns per unit). */
    public Builder computeTimer(ComputeTimer t) {
      this.computeTimer = Objects.requireNonNull(t, "computeTimer");
      return this;
    }

    /** Host costs per message (default {@link NicCosts#NATIVE}). */
    public Builder nicCosts(NicCosts c) {
      this.nicCosts = Objects.requireNonNull(c, "nicCosts");
      return this;
    }

    /** Reduction cost in collectives, ps per byte (default {@link #DEFAULT_REDUCE_PS_PER_BYTE}). */
    public Builder reduceCostPsPerByte(double psPerByte) {
      if (!(psPerByte >= 0) || Double.isInfinite(psPerByte)) {
        throw new IllegalArgumentException("reduce cost must be >= 0 ps/B, was " + psPerByte);
      }
      this.reducePsPerByte = psPerByte;
      return this;
    }

    /** How collectives are timed (default {@link CollectiveTiming#MESSAGES}). */
    public Builder collectiveTiming(CollectiveTiming timing) {
      this.collectiveTiming = Objects.requireNonNull(timing, "collectiveTiming");
      return this;
    }

    /** Engine threads (default 1); results do not depend on it. */
    public Builder threads(int count) {
      if (count <= 0) {
        throw new IllegalArgumentException("threads must be > 0, was " + count);
      }
      this.threads = count;
      return this;
    }

    /** Run seed (default 1). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Places the ranks, builds the network and the simulation. */
    public MpiJob build() {
      if (network == null || program == null || ranks < 0) {
        throw new IllegalStateException("an MPI job needs a network, a rank count and a program");
      }
      int[] rankToNode = network.place(ranks, ranksPerNode);
      NetworkModel model = network.create(rankToNode);
      int nodes = model.nodes();
      int partitions = Math.min(threads, nodes);
      RankTable table = new RankTable(rankToNode);
      HostCosts hostCosts = new HostCosts(model, nicCosts, computeTimer);
      DataflowCollectives dataflow = null;
      int[] owner;
      if (collectiveTiming == CollectiveTiming.DATAFLOW) {
        // Partitions of whole entry groups: a group's ranks are counted by one thread.
        EntryGroups groups = new EntryGroups(rankToNode, nodes, partitions);
        dataflow = new DataflowCollectives(table, model, hostCosts, reducePsPerByte, nodes, groups);
        owner = groups.owner();
      } else {
        owner = model.partitioner().assign(nodes, partitions);
      }
      PartitionWorker[] workers = new PartitionWorker[partitions];
      int requestsPerPartition = Math.max(16, 2 * ranks / partitions);
      for (int p = 0; p < partitions; p++) {
        workers[p] =
            new PartitionWorker(
                table,
                model,
                program,
                computeTimer,
                hostCosts,
                reducePsPerByte,
                dataflow,
                requestsPerPartition);
      }
      int[] first = new int[nodes + 1];
      for (int node : rankToNode) {
        first[node + 1]++;
      }
      for (int n = 0; n < nodes; n++) {
        first[n + 1] += first[n];
      }
      int[] fill = first.clone();
      int[] nodeRanks = new int[ranks];
      for (int r = 0; r < ranks; r++) {
        nodeRanks[fill[rankToNode[r]]++] = r;
      }
      SimulationBuilder b = Simulation.builder().seed(seed).threads(threads);
      b.addComponents(nodes, new MpiRuntime(owner, workers, first, nodeRanks));
      int[] componentOwner = owner;
      if (dataflow != null) {
        // The coordinator runs with partition 0.
        b.addComponent(dataflow);
        componentOwner = Arrays.copyOf(owner, nodes + 1);
      }
      model.declare(b);
      if (progress != null) {
        b.progress(progress, progressMillis);
      }
      int[] assignment = componentOwner;
      b.partitioner((count, parts) -> assignment.clone());
      return new MpiJob(b.build(), table, model);
    }
  }
}
