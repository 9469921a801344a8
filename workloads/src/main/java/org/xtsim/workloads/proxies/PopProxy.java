package org.xtsim.workloads.proxies;

import java.util.List;
import org.xtsim.engine.SimTime;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.params.Dimension;
import org.xtsim.params.Param;
import org.xtsim.workloads.ComputeStep;
import org.xtsim.workloads.Histograms;
import org.xtsim.workloads.Workload;
import org.xtsim.workloads.WorkloadFactory;
import org.xtsim.workloads.WorkloadInstance;
import org.xtsim.workloads.WorkloadResult;

/**
 * A proxy of POP, the Parallel Ocean Program (LANL), the application Ferreira, Bridges and
 * Brightwell (SC08) found most sensitive to OS noise. POP splits each time step into a baroclinic
 * phase, explicit in time over the 3-D ocean, and a barotropic phase, an implicit 2-D elliptic
 * solve for the surface pressure (POP user guide §5.1; Kerbyson and Jones's POP performance model,
 * IJHPCA 2005). The horizontal grid is decomposed in 2-D over a balanced process grid ({@link
 * Grid2d}, periodic in longitude); each rank owns a block of {@code block_x} × {@code block_y}
 * columns of {@code levels} levels (weak scaling).
 *
 * <pre>
 *  per step:  [baroclinic: every 3-D point]  halo(3-D fields, 4 neighbours)
 *             repeat solver_iterations times:
 *               halo(2-D field)  [ChronGear iteration]  global sum (2 doubles)
 *               every convergence_check_frequency iterations: global sum (1 double)
 * </pre>
 *
 * <p>The solver is POP 2's default, the Chronopoulos-Gear form of preconditioned conjugate
 * gradient, which folds the two inner products of an iteration into one global sum of two doubles
 * (POP {@code solvers.F90}). The global sum every iteration, a few hundred microseconds apart, is
 * what makes POP sensitive to noise: a rank held up anywhere holds up every rank at the next sum.
 * Halos are {@link #HALO_WIDTH} points wide (POP's {@code nghost}). Figure of merit: run time; the
 * mean time between the solver's global sums is reported as {@code allreduce_interval}.
 */
public final class PopProxy implements Workload {
  /** Ghost points on each side of a block: POP's {@code nghost} (blocks.F90). */
  static final int HALO_WIDTH = 2;

  /**
   * Flops per point of one ChronGear iteration: diagonal preconditioner 1, nine-point operator 17
   * (9 multiplies, 8 adds), two local inner products 4, four vector updates (S, Q, X, R) 8.
   */
  static final int SOLVER_FLOPS_PER_POINT = 30;

  /**
   * Arrays one ChronGear iteration streams per point: the operator's 4 coefficient arrays (POP
   * stores the symmetric nine-point stencil as A0, AN, AE, ANE) and the diagonal preconditioner
   * read, and the vectors R, Z, AZ, S, Q, X each read and written.
   */
  static final int SOLVER_STREAMS_PER_POINT = 5 + 2 * 6;

  /** Arrays the solver keeps per point: 4 coefficients, the preconditioner and 6 vectors. */
  static final int SOLVER_ARRAYS = 5 + 6;

  /** Bytes of the iteration's global sum: ChronGear's two inner products together. */
  static final long SOLVER_SUM_BYTES = 16;

  /** Bytes of the convergence check's global sum: the residual norm. */
  static final long CHECK_SUM_BYTES = 8;

  private static final long DOUBLE_BYTES = 8;
  private static final int BAROCLINIC_TAG = 20;
  private static final int SOLVER_TAG = 30;

  /** Points in x per rank. */
  public static final Param BLOCK_X =
      Param.integer("block_x", 1, 100_000)
          .defaultValue(60L)
          .meaning("horizontal points in x (longitude) per rank")
          .source(
              "POP 0.1-degree grid, 3600 x 2400 (Maltrud and McClean 2005), over 3,600 ranks as"
                  + " 60 x 40 blocks; the rank count is an "
                  + Param.ASSUMPTION);

  /** Points in y per rank. */
  public static final Param BLOCK_Y =
      Param.integer("block_y", 1, 100_000)
          .defaultValue(40L)
          .meaning("horizontal points in y (latitude) per rank")
          .source("as block_x");

  /** Vertical levels. */
  public static final Param LEVELS =
      Param.integer("levels", 1, 1_000)
          .defaultValue(40L)
          .meaning("vertical levels of the baroclinic phase")
          .source("POP 1-degree (gx1, 320 x 384 x 40) and 0.1-degree (3600 x 2400 x 40) grids");

  /** Baroclinic flops per 3-D point and step. */
  public static final Param BAROCLINIC_FLOPS_PER_POINT =
      Param.integer("baroclinic_flops_per_point", 1, 1_000_000)
          .defaultValue(1_000L)
          .meaning("flops per 3-D grid point per step of the baroclinic phase")
          .source(Param.ASSUMPTION + " (no public per-point count found)");

  /** Baroclinic memory traffic per 3-D point and step. */
  public static final Param BAROCLINIC_BYTES_PER_POINT =
      Param.integer("baroclinic_bytes_per_point", 8, 1_000_000)
          .in(Dimension.SIZE, "B")
          .defaultValue(400L)
          .meaning("memory traffic per 3-D grid point per step of the baroclinic phase")
          .source(Param.ASSUMPTION + ": about 50 three-dimensional double arrays streamed a step");

  /** 3-D fields whose halos the baroclinic phase updates each step. */
  public static final Param BAROCLINIC_HALO_FIELDS =
      Param.integer("baroclinic_halo_fields", 0, 1_000)
          .defaultValue(4L)
          .meaning("3-D fields whose halos are updated each step (velocities, tracers)")
          .source(Param.ASSUMPTION + ": U, V and the two tracers T and S of POP's baroclinic step");

  /** Solver iterations per step. */
  public static final Param SOLVER_ITERATIONS =
      Param.integer("solver_iterations", 1, 1_000_000)
          .defaultValue(150L)
          .meaning("barotropic solver iterations per step (each ends with a global sum)")
          .source(
              Param.ASSUMPTION
                  + ": POP's solver needs of the order of a hundred iterations (maxIterations"
                  + " 'typically a few hundred', POP user guide 5.1); convergenceCriterion 0 fixes"
                  + " the count, as benchmarks do");

  /** Iterations between convergence checks. */
  public static final Param CONVERGENCE_CHECK_FREQUENCY =
      Param.integer("convergence_check_frequency", 1, 1_000_000)
          .defaultValue(10L)
          .meaning("solver iterations between convergence checks (each one more global sum)")
          .source("POP user guide 5.1 (convergenceCheckFreq); 10 is an " + Param.ASSUMPTION);

  /** Time steps. */
  public static final Param STEPS =
      Param.integer("steps", 1, 1_000_000)
          .defaultValue(10L)
          .meaning("time steps (each a baroclinic phase and a barotropic solve)")
          .source(Param.ASSUMPTION);

  public static final WorkloadFactory FACTORY =
      WorkloadFactory.of(
          "pop",
          "POP-like ocean model: 2-D decomposition, baroclinic halos, barotropic solver with a"
              + " global sum every iteration",
          List.of(
              BLOCK_X,
              BLOCK_Y,
              LEVELS,
              BAROCLINIC_FLOPS_PER_POINT,
              BAROCLINIC_BYTES_PER_POINT,
              BAROCLINIC_HALO_FIELDS,
              SOLVER_ITERATIONS,
              CONVERGENCE_CHECK_FREQUENCY,
              STEPS),
          p ->
              new PopProxy(
                  p.intValue(BLOCK_X),
                  p.intValue(BLOCK_Y),
                  p.intValue(LEVELS),
                  p.intValue(BAROCLINIC_FLOPS_PER_POINT),
                  p.intValue(BAROCLINIC_BYTES_PER_POINT),
                  p.intValue(BAROCLINIC_HALO_FIELDS),
                  p.intValue(SOLVER_ITERATIONS),
                  p.intValue(CONVERGENCE_CHECK_FREQUENCY),
                  p.intValue(STEPS)));

  private final int blockX;
  private final int blockY;
  private final int levels;
  private final int baroclinicFlopsPerPoint;
  private final int baroclinicBytesPerPoint;
  private final int haloFields;
  private final int solverIterations;
  private final int checkFrequency;
  private final int steps;

  /** A POP-like run with the given sizes. */
  public PopProxy(
      int blockX,
      int blockY,
      int levels,
      int baroclinicFlopsPerPoint,
      int baroclinicBytesPerPoint,
      int haloFields,
      int solverIterations,
      int checkFrequency,
      int steps) {
    if (blockX < 1 || blockY < 1 || levels < 1 || solverIterations < 1 || checkFrequency < 1) {
      throw new IllegalArgumentException("POP needs blocks, levels, iterations and checks >= 1");
    }
    this.blockX = blockX;
    this.blockY = blockY;
    this.levels = levels;
    this.baroclinicFlopsPerPoint = baroclinicFlopsPerPoint;
    this.baroclinicBytesPerPoint = baroclinicBytesPerPoint;
    this.haloFields = haloFields;
    this.solverIterations = solverIterations;
    this.checkFrequency = checkFrequency;
    this.steps = steps;
  }

  @Override
  public String name() {
    return "pop";
  }

  /** Columns per rank: block_x × block_y. */
  public long columns() {
    return (long) blockX * blockY;
  }

  /** Bytes of the baroclinic halo sent in {@code direction} (0..3: west, east, south, north). */
  public long baroclinicHaloBytes(int direction) {
    return (long) Grid2d.edgePoints(direction, blockX, blockY)
        * HALO_WIDTH
        * levels
        * haloFields
        * DOUBLE_BYTES;
  }

  /** Bytes of the solver's 2-D halo sent in {@code direction}. */
  public long solverHaloBytes(int direction) {
    return (long) Grid2d.edgePoints(direction, blockX, blockY) * HALO_WIDTH * DOUBLE_BYTES;
  }

  /** Global sums per step: one per iteration and one per convergence check. */
  public int globalSumsPerStep() {
    return solverIterations + solverIterations / checkFrequency;
  }

  /** Flops of one step on every rank: the baroclinic phase and the solver's iterations. */
  public double flopsPerStep() {
    return (double) columns() * levels * baroclinicFlopsPerPoint
        + (double) solverIterations * columns() * SOLVER_FLOPS_PER_POINT;
  }

  /** The baroclinic halo to all four neighbours at once. */
  @Override
  public long peakSendBytesPerRank() {
    long bytes = 0;
    for (int d = 0; d < Grid2d.DIRECTIONS; d++) {
      bytes += baroclinicHaloBytes(d);
    }
    return bytes;
  }

  @Override
  public WorkloadInstance instantiate(int ranks, long seed) {
    return new Run(ranks);
  }

  // Program stages of one rank.
  private static final byte BAROCLINIC = 0;
  private static final byte BAROCLINIC_HALO = 1;
  private static final byte SOLVER_HALO = 2;
  private static final byte SOLVER_ITERATION = 3;
  private static final byte SOLVER_SUM = 4;
  private static final byte CONVERGENCE_CHECK = 5;
  private static final byte NEXT_ITERATION = 6;

  // Compute steps (phase ids).
  private static final int STEP_BAROCLINIC = 0;
  private static final int STEP_SOLVER = 1;

  /** One run: per-rank state is a step, an iteration and a stage code. */
  private final class Run implements WorkloadInstance {
    private final Grid2d grid;
    private final int[] step;
    private final int[] iteration;
    private final byte[] stage;
    private final long[] rank0StepStartPs;
    private long rank0SolverStartPs;
    private long rank0SolverPs;
    private final List<ComputeStep> computeSteps;

    Run(int ranks) {
      this.grid = new Grid2d(ranks);
      this.step = new int[ranks];
      this.iteration = new int[ranks];
      this.stage = new byte[ranks];
      this.rank0StepStartPs = new long[steps + 1];
      this.computeSteps = List.of(baroclinic(), solverIteration());
    }

    @Override
    public List<ComputeStep> steps() {
      return computeSteps;
    }

    @Override
    public boolean next(int rank, Mpi mpi) {
      while (true) {
        switch (stage[rank]) {
          case BAROCLINIC:
            if (rank == 0) {
              rank0StepStartPs[step[rank]] = mpi.nowPs();
            }
            if (step[rank] == steps) {
              return false;
            }
            stage[rank] = BAROCLINIC_HALO;
            mpi.compute(STEP_BAROCLINIC, 1);
            return true;
          case BAROCLINIC_HALO:
            stage[rank] = SOLVER_HALO;
            iteration[rank] = 0;
            if (rank == 0) {
              rank0SolverStartPs = mpi.nowPs();
            }
            if (haloFields > 0 && exchange(rank, mpi, BAROCLINIC_TAG, true)) {
              return true;
            }
            break;
          case SOLVER_HALO:
            iteration[rank]++;
            stage[rank] = SOLVER_ITERATION;
            if (exchange(rank, mpi, SOLVER_TAG, false)) {
              return true;
            }
            break;
          case SOLVER_ITERATION:
            stage[rank] = SOLVER_SUM;
            mpi.compute(STEP_SOLVER, 1);
            return true;
          case SOLVER_SUM:
            stage[rank] = CONVERGENCE_CHECK;
            mpi.allreduce(SOLVER_SUM_BYTES);
            return true;
          case CONVERGENCE_CHECK:
            stage[rank] = NEXT_ITERATION;
            if (iteration[rank] % checkFrequency == 0) {
              mpi.allreduce(CHECK_SUM_BYTES);
              return true;
            }
            break;
          default:
            if (iteration[rank] < solverIterations) {
              stage[rank] = SOLVER_HALO;
            } else {
              if (rank == 0) {
                rank0SolverPs += mpi.nowPs() - rank0SolverStartPs;
              }
              step[rank]++;
              stage[rank] = BAROCLINIC;
            }
        }
      }
    }

    /**
     * Posts a halo exchange with every neighbour and its wait; false (posting nothing) when the
     * rank has none.
     */
    private boolean exchange(int rank, Mpi mpi, int tagBase, boolean baroclinic) {
      boolean any = false;
      for (int d = 0; d < Grid2d.DIRECTIONS; d++) {
        int peer = grid.neighbour(rank, d);
        if (peer >= 0) {
          // The neighbour in direction d sent its message in the opposite direction.
          int from = Grid2d.opposite(d);
          mpi.irecv(peer, tagBase + from, bytes(from, baroclinic));
          any = true;
        }
      }
      for (int d = 0; d < Grid2d.DIRECTIONS; d++) {
        int peer = grid.neighbour(rank, d);
        if (peer >= 0) {
          mpi.isend(peer, tagBase + d, bytes(d, baroclinic));
        }
      }
      if (any) {
        mpi.waitall();
      }
      return any;
    }

    private long bytes(int direction, boolean baroclinic) {
      return baroclinic ? baroclinicHaloBytes(direction) : solverHaloBytes(direction);
    }

    @Override
    public void report(JobResult job, WorkloadResult.Builder out) {
      double seconds = SimTime.toSeconds(job.completionPs());
      out.lowerIsBetter("run_time", seconds, "s");
      out.lowerIsBetter("step_time", seconds / steps * 1e3, "ms");
      double sums = (double) steps * globalSumsPerStep();
      out.lowerIsBetter("allreduce_interval", SimTime.toSeconds(rank0SolverPs) / sums * 1e3, "ms");
      long[] stepPs = new long[steps];
      for (int s = 0; s < steps; s++) {
        stepPs[s] = rank0StepStartPs[s + 1] - rank0StepStartPs[s];
      }
      out.distribution("step_time", "ns", Histograms.nanosFromPs(stepPs, steps));
    }
  }

  /** The baroclinic phase: a stencil sweep over every 3-D point of the rank's block. */
  private ComputeStep baroclinic() {
    double points = (double) columns() * levels;
    long bytes = (long) points * baroclinicBytesPerPoint;
    return ComputeStep.of(
        "pop-baroclinic",
        ComputePhase.of(
            points * baroclinicFlopsPerPoint,
            bytes,
            (double) bytes / DOUBLE_BYTES,
            AccessPattern.of(AccessKind.STENCIL, bytes)));
  }

  /** One ChronGear iteration over the rank's 2-D block. */
  private ComputeStep solverIteration() {
    double points = columns();
    return ComputeStep.of(
        "pop-barotropic-iteration",
        ComputePhase.of(
            points * SOLVER_FLOPS_PER_POINT,
            points * SOLVER_STREAMS_PER_POINT * DOUBLE_BYTES,
            points * SOLVER_STREAMS_PER_POINT,
            AccessPattern.of(AccessKind.STENCIL, (long) points * SOLVER_ARRAYS * DOUBLE_BYTES)));
  }
}
