package org.xtsim.workloads.noise;

import java.util.List;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.params.Param;
import org.xtsim.workloads.ComputeStep;
import org.xtsim.workloads.Histograms;
import org.xtsim.workloads.Workload;
import org.xtsim.workloads.WorkloadFactory;
import org.xtsim.workloads.WorkloadInstance;
import org.xtsim.workloads.WorkloadResult;

/**
 * FWQ, the fixed-work-quanta benchmark (LLNL's FTQ/FWQ suite; Sottile &amp; Minnich): every rank
 * runs the same small in-cache quantum of work {@code samples} times and times each one; the spread
 * above the fastest quantum is the noise the node imposes. No communication. Rank 0's quanta are
 * recorded in a histogram; the mean, the worst over all ranks and the noise fraction ((mean −
 * fastest) / fastest) are the metrics.
 */
public final class FixedWorkQuanta implements Workload {
  /** Flops per quantum: about 250 µs on a 2.2 GHz quad-issue core. */
  public static final long DEFAULT_QUANTUM_FLOPS = 2_200_000;

  /** Quanta per rank. */
  public static final int DEFAULT_SAMPLES = 2_000;

  /**
   * Flops per memory reference of the quantum: a multiply-add loop over an in-cache array, one load
   * per two flops (<b>assumption</b>; FWQ's kernel is a simple in-cache loop).
   */
  static final double FLOPS_PER_REFERENCE = 2;

  /** Working set of the quantum, small enough to stay in L1. */
  static final long QUANTUM_FOOTPRINT_BYTES = 16 * 1024;

  /** Declares the parameters and makes the workload. */
  /** Work per quantum. */
  public static final Param QUANTUM_FLOPS =
      Param.integer("quantum_flops", 1, 1L << 40)
          .defaultValue(DEFAULT_QUANTUM_FLOPS)
          .meaning("flops per quantum (2.2 Mflop: about 250 us on a 2.2 GHz quad-issue core)")
          .source(Param.ASSUMPTION + "; FWQ as in Ferreira et al., SC08");

  /** Quanta per rank. */
  public static final Param SAMPLES =
      Param.integer("samples", 1, 10_000_000)
          .defaultValue(DEFAULT_SAMPLES)
          .meaning("quanta per rank")
          .source(Param.ASSUMPTION);

  public static final WorkloadFactory FACTORY =
      WorkloadFactory.of(
          "fwq",
          "FWQ: fixed work quanta per rank, timing each (noise signature)",
          List.of(QUANTUM_FLOPS, SAMPLES),
          p -> new FixedWorkQuanta(p.longValue(QUANTUM_FLOPS), p.intValue(SAMPLES)));

  private final long quantumFlops;
  private final int samples;

  /** FWQ with {@code samples} quanta of {@code quantumFlops} flops. */
  public FixedWorkQuanta(long quantumFlops, int samples) {
    this.quantumFlops = quantumFlops;
    this.samples = samples;
  }

  @Override
  public String name() {
    return "fwq";
  }

  /** The quantum: in-cache floating-point work over a small sequential working set. */
  static ComputePhase quantum(double flops) {
    return ComputePhase.of(
        flops,
        0,
        flops / FLOPS_PER_REFERENCE,
        AccessPattern.of(AccessKind.SEQUENTIAL, QUANTUM_FOOTPRINT_BYTES));
  }

  @Override
  public WorkloadInstance instantiate(int ranks, long seed) {
    return new Run(ranks);
  }

  private final class Run implements WorkloadInstance {
    private final int[] done;
    private final long[] startPs;
    private final QuantumStats quantumPs;
    private final List<ComputeStep> steps =
        List.of(ComputeStep.of("quantum", quantum(quantumFlops)));

    Run(int ranks) {
      done = new int[ranks];
      startPs = new long[ranks];
      quantumPs = new QuantumStats(ranks, samples);
    }

    @Override
    public List<ComputeStep> steps() {
      return steps;
    }

    @Override
    public boolean next(int rank, Mpi mpi) {
      long now = mpi.nowPs();
      int k = done[rank];
      if (k > 0) {
        quantumPs.record(rank, k - 1, now - startPs[rank]);
      }
      if (k == samples) {
        return false;
      }
      done[rank] = k + 1;
      startPs[rank] = now;
      mpi.compute(0, 1);
      return true;
    }

    @Override
    public void report(JobResult job, WorkloadResult.Builder out) {
      double mean = quantumPs.mean();
      long min = quantumPs.min();
      long max = quantumPs.max();
      // The figure of merit first: time per quantum, whose increase is the noise's cost.
      out.lowerIsBetter("quantum_mean", mean / 1e6, "us");
      out.measure("noise_pct", 100 * (mean - min) / min, "%");
      out.lowerIsBetter("quantum_max", max / 1e6, "us");
      out.lowerIsBetter("quantum_min", min / 1e6, "us");
      out.distribution("quantum_time", "ns", Histograms.nanosFromPs(quantumPs.rank0(), samples));
    }
  }
}
