package org.xtsim.workloads.hpccg;

import java.util.List;
import org.xtsim.engine.SimTime;
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
 * HPCCG, Mantevo's conjugate-gradient mini-application (Heroux), as structured in {@code
 * parameters.md}: an unpreconditioned CG solve on a 27-point stencil (diagonal 27, off-diagonals
 * −1) over a local nx × ny × nz box per rank, decomposed in z only ("chimney": the global grid is
 * nx × ny × (P·nz)). Always exactly {@code iterations} (150) iterations: the tolerance is 0.
 *
 * <p>Per iteration every rank runs one sparse matrix-vector product (2·nnz flops), two dot products
 * (2·nrow flops each) and three WAXPBY updates (2·nrow flops each); it exchanges a halo of nx·ny
 * doubles with each of its (at most 2) z neighbours, and calls {@code MPI_Allreduce} on one double
 * twice (once in the first iteration, whose r·r comes from the set-up). The operations are issued
 * in HPCCG's order; compute that runs back to back between two MPI calls is one step:
 *
 * <pre>
 *  k = 1:   [dot r·r, p = r]            halo(p)  [A·p, dot p·Ap]  allreduce
 *  k ≥ 2:   [x, r updates of k−1; dot r·r]  allreduce  [p = r + βp]  halo(p)  [A·p, dot p·Ap]
 *           allreduce
 *  end:     [x, r updates of the last iteration]
 * </pre>
 *
 * <p>nnz of rank r is exactly (3·nx − 2)(3·ny − 2)(3·nz − [r = 0] − [r = P − 1]): every row has its
 * in-box neighbours in x and y and its neighbours in the global z range. The sparse matrix-vector
 * product streams the matrix row by row (8-byte value and 4-byte index per non-zero) and gathers x
 * over the row's 27 neighbours in three z-planes ({@link AccessKind#SPARSE_MATRIX_27}, the address
 * stream of HPCCG's {@code HPC_sparsemv}); dot products and updates sweep vectors sequentially.
 * Figure of merit: MFLOPS per node and in total, over the solve's simulated time.
 */
public final class Hpccg implements Workload {
  /** HPCCG's iteration count with tolerance 0 (Mantevo HPCCG {@code max_iter}). */
  public static final int DEFAULT_ITERATIONS = 150;

  /** Default local box edge: 100 × 100 × 100 per rank, HPCCG's usual weak-scaling size. */
  public static final int DEFAULT_EDGE = 100;

  /**
   * Memory HPCCG allocates per row: the matrix in compressed rows with its row pointers and the
   * solver's vectors, about 720 bytes (parameters.md, HPCCG structure). The set-up touches all of
   * it once before the solve (the first touch that demand paging and nested faults see).
   */
  public static final long MEMORY_BYTES_PER_ROW = 720;

  private static final int HALO_TAG = 1;
  private static final long DOUBLE_BYTES = 8;
  private static final long INDEX_BYTES = 4;

  /** Declares the parameters and makes the workload. */
  /** Local grid points in x per rank. */
  public static final Param NX = edge("nx", "x");

  /** Local grid points in y per rank. */
  public static final Param NY = edge("ny", "y");

  /** Local grid points in z per rank. */
  public static final Param NZ = edge("nz", "z");

  /** CG iterations. */
  public static final Param ITERATIONS =
      Param.integer("iterations", 1, 1_000_000)
          .defaultValue(DEFAULT_ITERATIONS)
          .meaning("CG iterations (tolerance 0: always this many)")
          .source("Mantevo HPCCG max_iter = 150");

  private static Param edge(String key, String axis) {
    return Param.integer(key, 2, 10_000)
        .defaultValue(DEFAULT_EDGE)
        .meaning("local grid points in " + axis + " per rank (weak scaling)")
        .source("Mantevo HPCCG: 100 x 100 x 100 per rank, its usual weak-scaling size");
  }

  public static final WorkloadFactory FACTORY =
      WorkloadFactory.of(
          "hpccg",
          "Mantevo HPCCG: CG on a 27-point stencil, 1-D (z) decomposition, weak scaling",
          List.of(NX, NY, NZ, ITERATIONS),
          p -> new Hpccg(p.intValue(NX), p.intValue(NY), p.intValue(NZ), p.intValue(ITERATIONS)));

  private final int nx;
  private final int ny;
  private final int nz;
  private final int iterations;

  /** HPCCG with a local box of nx × ny × nz and the given iteration count. */
  public Hpccg(int nx, int ny, int nz, int iterations) {
    if (nx < 2 || ny < 2 || nz < 2 || iterations < 1) {
      throw new IllegalArgumentException("HPCCG needs nx, ny, nz >= 2 and iterations >= 1");
    }
    this.nx = nx;
    this.ny = ny;
    this.nz = nz;
    this.iterations = iterations;
  }

  @Override
  public String name() {
    return "hpccg";
  }

  /** Rows per rank: nx·ny·nz. */
  public long rows() {
    return (long) nx * ny * nz;
  }

  /** Non-zeros of rank {@code rank} of {@code ranks}. */
  public long nonZeros(int rank, int ranks) {
    int zRows = 3 * nz - (rank == 0 ? 1 : 0) - (rank == ranks - 1 ? 1 : 0);
    return (3L * nx - 2) * (3L * ny - 2) * zRows;
  }

  /** Flops of the whole solve on rank {@code rank}: iterations × (2·nnz + 10·nrow). */
  public double flops(int rank, int ranks) {
    return iterations * (2.0 * nonZeros(rank, ranks) + 10.0 * rows());
  }

  /** Bytes of one halo message: one xy-plane of doubles. */
  public long haloBytes() {
    return (long) nx * ny * DOUBLE_BYTES;
  }

  /** Two halo planes at once. */
  @Override
  public long peakSendBytesPerRank() {
    return 2 * haloBytes();
  }

  @Override
  public WorkloadInstance instantiate(int ranks, long seed) {
    return new Run(ranks);
  }

  // Program steps of one rank.
  private static final byte SETUP = 0;
  private static final byte FIRST = 1;
  private static final byte UPDATE_AND_DOT = 2;
  private static final byte ALLREDUCE_RR = 3;
  private static final byte UPDATE_P = 4;
  private static final byte HALO = 5;
  private static final byte SPMV = 6;
  private static final byte ALLREDUCE_PAP = 7;
  private static final byte FINAL = 8;
  private static final byte DONE = 9;

  // Compute steps (phase ids).
  private static final int STEP_DOT_COPY = 0;
  private static final int STEP_UPDATES_DOT = 1;
  private static final int STEP_UPDATE_P = 2;
  private static final int STEP_SPMV_DOT = 3;
  private static final int STEP_FINAL_UPDATES = 4;
  private static final int STEP_SETUP = 5;

  /** One run: per-rank state is an iteration counter and a step code. */
  private final class Run implements WorkloadInstance {
    private final int ranks;
    private final int[] iteration;
    private final byte[] step;
    private final long[] rank0IterationStartPs;
    private final List<ComputeStep> steps;

    Run(int ranks) {
      this.ranks = ranks;
      this.iteration = new int[ranks];
      this.step = new byte[ranks];
      this.rank0IterationStartPs = new long[iterations + 1];
      long n = rows();
      // The matrix as rank 0 of a large job stores it (one z neighbour plane missing).
      long nnz = nonZeros(0, Math.max(2, ranks));
      ComputePhase dot = vectorPhase(2 * n, 2, n);
      ComputePhase waxpby = vectorPhase(2 * n, 3, n);
      long matrixBytes = nnz * (DOUBLE_BYTES + INDEX_BYTES);
      // HPCCG allocates 27 values and indices per row (max_nnz = 27 n) and fills them row by row;
      // the product reads per non-zero its value, its column index and x[column], per row y[row].
      long spmvFootprint = n * AccessPattern.SPMV_BYTES_PER_ROW;
      ComputePhase spmv =
          ComputePhase.of(
              2.0 * nnz,
              matrixBytes + 2.0 * n * DOUBLE_BYTES,
              3.0 * nnz + n,
              AccessPattern.of(AccessKind.SPARSE_MATRIX_27, spmvFootprint));
      // Set-up (generate_matrix and the vectors): every allocated byte written once, first touch.
      ComputePhase setup = ComputePhase.firstTouch(n * MEMORY_BYTES_PER_ROW);
      this.steps =
          List.of(
              ComputeStep.of("dot+copy", dot, waxpby),
              ComputeStep.of("updates+dot", waxpby, waxpby, dot),
              ComputeStep.of("update-p", waxpby),
              ComputeStep.of("spmv+dot", spmv, dot),
              ComputeStep.of("final-updates", waxpby, waxpby),
              ComputeStep.of("setup", setup));
    }

    /** A vector kernel over n doubles touching {@code vectors} vectors. */
    private ComputePhase vectorPhase(double flops, int vectors, long n) {
      long bytes = vectors * n * DOUBLE_BYTES;
      return ComputePhase.of(
          flops, bytes, (double) vectors * n, AccessPattern.of(AccessKind.SEQUENTIAL, bytes));
    }

    @Override
    public List<ComputeStep> steps() {
      return steps;
    }

    @Override
    public boolean next(int rank, Mpi mpi) {
      switch (step[rank]) {
        case SETUP:
          step[rank] = FIRST;
          mpi.compute(STEP_SETUP, 1);
          return true;
        case FIRST:
          iteration[rank] = 1;
          markIteration(rank, mpi);
          step[rank] = HALO;
          mpi.compute(STEP_DOT_COPY, 1);
          return true;
        case UPDATE_AND_DOT:
          iteration[rank]++;
          markIteration(rank, mpi);
          step[rank] = ALLREDUCE_RR;
          mpi.compute(STEP_UPDATES_DOT, 1);
          return true;
        case ALLREDUCE_RR:
          step[rank] = UPDATE_P;
          mpi.allreduce(DOUBLE_BYTES);
          return true;
        case UPDATE_P:
          step[rank] = HALO;
          mpi.compute(STEP_UPDATE_P, 1);
          return true;
        case HALO:
          step[rank] = SPMV;
          if (ranks > 1) {
            exchangeHalo(rank, mpi);
            return true;
          }
          // A single rank has no neighbours: go straight on to the product.
          // fall through
        case SPMV:
          step[rank] = ALLREDUCE_PAP;
          mpi.compute(STEP_SPMV_DOT, 1);
          return true;
        case ALLREDUCE_PAP:
          step[rank] = iteration[rank] == iterations ? FINAL : UPDATE_AND_DOT;
          mpi.allreduce(DOUBLE_BYTES);
          return true;
        case FINAL:
          step[rank] = DONE;
          mpi.compute(STEP_FINAL_UPDATES, 1);
          return true;
        default:
          if (rank == 0) {
            rank0IterationStartPs[iterations] = mpi.nowPs();
          }
          return false;
      }
    }

    private void markIteration(int rank, Mpi mpi) {
      if (rank == 0) {
        rank0IterationStartPs[iteration[rank] - 1] = mpi.nowPs();
      }
    }

    private void exchangeHalo(int rank, Mpi mpi) {
      long bytes = haloBytes();
      if (rank > 0) {
        mpi.irecv(rank - 1, HALO_TAG, bytes);
      }
      if (rank < ranks - 1) {
        mpi.irecv(rank + 1, HALO_TAG, bytes);
      }
      if (rank > 0) {
        mpi.isend(rank - 1, HALO_TAG, bytes);
      }
      if (rank < ranks - 1) {
        mpi.isend(rank + 1, HALO_TAG, bytes);
      }
      mpi.waitall();
    }

    @Override
    public void report(JobResult job, WorkloadResult.Builder out) {
      // HPCCG times the solve only (its set-up is outside the timed CG loop).
      double seconds = SimTime.toSeconds(job.completionPs() - rank0IterationStartPs[0]);
      double flops = 0;
      for (int r = 0; r < ranks; r++) {
        flops += flops(r, ranks);
      }
      int nodes = out.nodes();
      double mflops = flops / seconds / 1e6;
      out.higherIsBetter("mflops_per_node", mflops / nodes, "MFLOPS");
      out.higherIsBetter("mflops_total", mflops, "MFLOPS");
      out.lowerIsBetter("iteration_time", seconds / iterations * 1e3, "ms");
      long[] iterationPs = new long[iterations];
      for (int k = 0; k < iterations; k++) {
        iterationPs[k] = rank0IterationStartPs[k + 1] - rank0IterationStartPs[k];
      }
      out.distribution("iteration_time", "ns", Histograms.nanosFromPs(iterationPs, iterations));
    }
  }
}
