package org.xtsim.workloads;

import java.util.List;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.RankProgram;

/**
 * One run of a workload: a {@link RankProgram} (its per-rank state lives in primitive arrays
 * indexed by rank), the compute steps it names, and how its figures follow from the finished job.
 */
public interface WorkloadInstance extends RankProgram {
  /** The compute steps; a step's index is the phase id the program passes to {@code compute}. */
  List<ComputeStep> steps();

  /**
   * Adds the workload's metrics (its figure of merit first) and distributions.
   *
   * @param job the finished job
   * @param out where the metrics go
   */
  void report(JobResult job, WorkloadResult.Builder out);
}
