package org.xtsim.workloads.proxies;

import java.util.List;
import org.xtsim.engine.SimTime;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.node.ComputePhase;
import org.xtsim.params.Param;
import org.xtsim.workloads.ComputeStep;
import org.xtsim.workloads.Histograms;
import org.xtsim.workloads.WorkloadInstance;
import org.xtsim.workloads.WorkloadResult;

/**
 * The time-step loop both proxies share: a set-up that writes the rank's mesh once (its first
 * touch), then per step every rank computes, exchanges with its neighbours and calls a few 8-byte
 * allreduces; per-rank state is a step counter, a stage code and the allreduces done. Rank 0's step
 * times form the step-time distribution; the figure of merit is the run time of the time-step loop
 * (from rank 0's first step to the end; the set-up counts in the completion time only).
 */
abstract class TimeSteppedRun implements WorkloadInstance {
  /** Time steps of a run, declared once for both proxies. */
  static final Param STEPS =
      Param.integer("steps", 1, 1_000_000)
          .defaultValue(50L)
          .meaning("time steps")
          .source(Param.ASSUMPTION);

  /** Small allreduces per step (time-step control), declared once for both proxies. */
  static final Param ALLREDUCES =
      Param.integer("allreduces", 0, 100)
          .defaultValue(3L)
          .meaning("8-byte allreduces per time step (time-step control)")
          .source(Param.ASSUMPTION);

  private static final byte SETUP = 0;
  private static final byte COMPUTE = 1;
  private static final byte EXCHANGE = 2;
  private static final byte REDUCE = 3;
  private static final int STEP_COMPUTE = 0;
  private static final int STEP_SETUP = 1;
  private static final long DOUBLE_BYTES = 8;

  private final int steps;
  private final int allreduces;
  private final List<ComputeStep> computeSteps;
  private final int[] step;
  private final byte[] stage;
  private final byte[] reductionsDone;
  private final long[] rank0StepStartPs;

  /**
   * @param computeStep one unit of a step's compute
   * @param meshBytes the rank's mesh, written once by the set-up
   */
  TimeSteppedRun(int ranks, int steps, int allreduces, ComputeStep computeStep, long meshBytes) {
    this.steps = steps;
    this.allreduces = allreduces;
    this.computeSteps =
        List.of(computeStep, ComputeStep.of("setup", ComputePhase.firstTouch(meshBytes)));
    this.step = new int[ranks];
    this.stage = new byte[ranks];
    this.reductionsDone = new byte[ranks];
    this.rank0StepStartPs = new long[steps + 1];
  }

  /** Units of the compute step that {@code rank} runs in step {@code s}. */
  abstract long computeUnits(int rank, int s);

  /**
   * Posts step {@code s}'s exchange of {@code rank} and its wait; returns false (posting nothing)
   * when the rank has no partner.
   */
  abstract boolean exchange(int rank, int s, Mpi mpi);

  @Override
  public final List<ComputeStep> steps() {
    return computeSteps;
  }

  @Override
  public final boolean next(int rank, Mpi mpi) {
    while (true) {
      int s = step[rank];
      switch (stage[rank]) {
        case SETUP:
          stage[rank] = COMPUTE;
          mpi.compute(STEP_SETUP, 1);
          return true;
        case COMPUTE:
          if (rank == 0) {
            rank0StepStartPs[s] = mpi.nowPs();
          }
          if (s == steps) {
            return false;
          }
          stage[rank] = EXCHANGE;
          mpi.compute(STEP_COMPUTE, computeUnits(rank, s));
          return true;
        case EXCHANGE:
          stage[rank] = REDUCE;
          reductionsDone[rank] = 0;
          if (exchange(rank, s, mpi)) {
            return true;
          }
          break;
        default:
          if (reductionsDone[rank] < allreduces) {
            reductionsDone[rank]++;
            mpi.allreduce(DOUBLE_BYTES);
            return true;
          }
          step[rank]++;
          stage[rank] = COMPUTE;
      }
    }
  }

  @Override
  public final void report(JobResult job, WorkloadResult.Builder out) {
    double seconds = SimTime.toSeconds(job.completionPs() - rank0StepStartPs[0]);
    out.lowerIsBetter("run_time", seconds, "s");
    out.lowerIsBetter("step_time", seconds / steps * 1e3, "ms");
    long[] stepPs = new long[steps];
    for (int s = 0; s < steps; s++) {
      stepPs[s] = rank0StepStartPs[s + 1] - rank0StepStartPs[s];
    }
    out.distribution("step_time", "ns", Histograms.nanosFromPs(stepPs, steps));
  }
}
