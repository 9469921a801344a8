package org.xtsim.workloads.noise;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.xtsim.engine.SimTime;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.params.Dimension;
import org.xtsim.params.Param;
import org.xtsim.workloads.ComputeStep;
import org.xtsim.workloads.Histograms;
import org.xtsim.workloads.Workload;
import org.xtsim.workloads.WorkloadFactory;
import org.xtsim.workloads.WorkloadInstance;
import org.xtsim.workloads.WorkloadResult;

/**
 * FTQ, the fixed-time-quanta benchmark (Sottile &amp; Minnich, LLNL): every rank counts how many
 * small granules of work complete in each fixed quantum of time; interruptions show as quanta with
 * fewer granules. A granule that straddles a quantum boundary counts in the quantum where it ends,
 * as in FTQ. Rank 0's counts form the distribution; the metrics are the mean count, the lowest
 * count over all ranks and the lost-work fraction (1 − mean / highest).
 */
public final class FixedTimeQuanta implements Workload {
  /** Quantum length in µs. */
  public static final long DEFAULT_QUANTUM_US = 1_000;

  /** Flops per granule: about 2.5 µs on a 2.2 GHz quad-issue core. */
  public static final long DEFAULT_GRANULE_FLOPS = 22_000;

  /** Quanta per rank. */
  public static final int DEFAULT_SAMPLES = 200;

  /** Declares the parameters and makes the workload. */
  /** Quantum length. */
  public static final Param QUANTUM_US =
      Param.integer("quantum_us", 1, 10_000_000)
          .in(Dimension.DURATION, "us")
          .defaultValue(DEFAULT_QUANTUM_US)
          .meaning("length of each fixed time quantum")
          .source("Sottile & Minnich, FTQ (1 ms quanta)");

  /** Work per granule. */
  public static final Param GRANULE_FLOPS =
      Param.integer("granule_flops", 1, 1L << 40)
          .defaultValue(DEFAULT_GRANULE_FLOPS)
          .meaning("flops per granule of work counted in a quantum")
          .source(Param.ASSUMPTION + ": about 2.5 us on a 2.2 GHz quad-issue core");

  /** Quanta per rank. */
  public static final Param SAMPLES =
      Param.integer("samples", 1, 1_000_000)
          .defaultValue(DEFAULT_SAMPLES)
          .meaning("quanta per rank")
          .source(Param.ASSUMPTION);

  public static final WorkloadFactory FACTORY =
      WorkloadFactory.of(
          "ftq",
          "FTQ: granules of work completed per fixed time quantum (noise signature)",
          List.of(QUANTUM_US, GRANULE_FLOPS, SAMPLES),
          p ->
              new FixedTimeQuanta(
                  p.longValue(QUANTUM_US), p.longValue(GRANULE_FLOPS), p.intValue(SAMPLES)));

  private final long quantumPs;
  private final long granuleFlops;
  private final int samples;

  /** FTQ with {@code samples} quanta of {@code quantumUs} µs and granules of the given flops. */
  public FixedTimeQuanta(long quantumUs, long granuleFlops, int samples) {
    this.quantumPs = SimTime.us(quantumUs);
    this.granuleFlops = granuleFlops;
    this.samples = samples;
  }

  @Override
  public String name() {
    return "ftq";
  }

  @Override
  public WorkloadInstance instantiate(int ranks, long seed) {
    return new Run(ranks);
  }

  private final class Run implements WorkloadInstance {
    private final int[] quantum;
    private final int[] count;
    private final boolean[] started;
    private final QuantumStats granules;
    private final List<ComputeStep> steps =
        List.of(ComputeStep.of("granule", FixedWorkQuanta.quantum(granuleFlops)));

    Run(int ranks) {
      quantum = new int[ranks];
      count = new int[ranks];
      started = new boolean[ranks];
      granules = new QuantumStats(ranks, samples);
    }

    @Override
    public List<ComputeStep> steps() {
      return steps;
    }

    @Override
    public boolean next(int rank, Mpi mpi) {
      long now = mpi.nowPs();
      // Close every quantum that ended before now (a long interruption may span several).
      while (quantum[rank] < samples && now >= (quantum[rank] + 1L) * quantumPs) {
        granules.record(rank, quantum[rank], count[rank]);
        count[rank] = 0;
        quantum[rank]++;
      }
      if (quantum[rank] == samples) {
        return false;
      }
      if (started[rank]) {
        count[rank]++; // the granule that just ended
      }
      started[rank] = true;
      mpi.compute(0, 1);
      return true;
    }

    @Override
    public void report(JobResult job, WorkloadResult.Builder out) {
      double mean = granules.mean();
      long min = granules.min();
      long max = granules.max();
      // The figure of merit first: work per quantum, a rate whose loss is the noise's cost.
      out.higherIsBetter("granules_mean", mean, "granules");
      out.measure("lost_work_pct", max == 0 ? 0 : 100 * (1 - mean / max), "%");
      out.higherIsBetter("granules_min", min, "granules");
      Histogram h = new Histogram(Histograms.SIGNIFICANT_DIGITS);
      for (long c : granules.rank0()) {
        h.recordValue(c);
      }
      out.distribution("granules_per_quantum", "granules", h);
    }
  }
}
