package org.xtsim.workloads.proxies;

import java.util.List;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.params.Dimension;
import org.xtsim.params.Param;
import org.xtsim.workloads.ComputeStep;
import org.xtsim.workloads.StableHash;
import org.xtsim.workloads.Workload;
import org.xtsim.workloads.WorkloadFactory;
import org.xtsim.workloads.WorkloadInstance;

/**
 * A proxy of SAGE, the adaptive-mesh Eulerian hydrodynamics code (SAIC / Los Alamos), with the
 * structure of its performance model (Kerbyson et al., SC2001): each cycle computes on the rank's
 * cells (their number varies from rank to rank and step to step as the mesh adapts), then does
 * gather/scatter exchanges with an irregular set of partner ranks that changes every step, with
 * varying message sizes, and a few small allreduces.
 *
 * <p>The partner set of step s is built from {@code partners} offsets d_j drawn from a stable hash
 * of (seed, s, j): rank r sends to r + d_j and r − d_j (mod P) and receives from the same two, so
 * the pattern is symmetric without any rank telling another. The size of the message a sends with
 * offset j in step s is the mean size × (0.5 + u(seed, s, j, a)). Cell counts are the mean × (1 +
 * {@code imbalance} × (2u − 1)). Cell work sweeps the rank's cells in mesh order: each cell's state
 * word by word and, through its neighbour list, one word from each of its six face neighbours
 * (cells ± 1, ± s, ± s² of a cube of side s: indirect but clustered gathers, {@link
 * AccessKind#CELL_GATHER}). SAGE stores a rank's cells as one contiguous block of a 1-D cell
 * ordering of the spatial mesh and gathers neighbour data through index lists (Kerbyson et al.,
 * SC2001); the scatter of cells a refinement appends out of mesh order is not modelled, so the
 * stream is the locality of the base mesh. Sizes and rates are <b>assumptions</b> to sweep. Figure
 * of merit: run time.
 */
public final class SageProxy implements Workload {
  /** Mean cells per rank; <b>assumption</b> (SAGE weak-scaling runs used ~10⁴–10⁵). */
  public static final int DEFAULT_CELLS = 35_000;

  /** Flops per cell per step; <b>assumption</b>. */
  public static final int DEFAULT_FLOPS_PER_CELL = 2_000;

  /** Bytes of mesh state per cell; <b>assumption</b>. */
  public static final int DEFAULT_BYTES_PER_CELL = 1_024;

  /** Partner offsets per step (each gives two partners); <b>assumption</b>. */
  public static final int DEFAULT_PARTNERS = 3;

  /** Mean gather/scatter message size; <b>assumption</b>. */
  public static final long DEFAULT_MESSAGE_BYTES = 24_576;

  /** Relative spread of cells per rank and step. */
  public static final double DEFAULT_IMBALANCE = 0.1;

  /** Cells per unit of compute handed to the node model (keeps amounts integral). */
  static final int CELLS_PER_UNIT = 64;

  private static final int TAG_BASE = 100;
  private static final long DOUBLE_BYTES = 8;

  /** Declares the parameters and makes the workload. */
  /** Mean cells per rank. */
  public static final Param CELLS =
      Param.integer("cells", CELLS_PER_UNIT, 100_000_000)
          .defaultValue(DEFAULT_CELLS)
          .meaning("mean cells per rank")
          .source(Param.ASSUMPTION + " (SAGE weak-scaling runs used 10^4 to 10^5 cells per rank)");

  /** Flops per cell per step. */
  public static final Param FLOPS_PER_CELL =
      Param.integer("flops_per_cell", 1, 1_000_000)
          .defaultValue(DEFAULT_FLOPS_PER_CELL)
          .meaning("flops per cell per time step")
          .source(Param.ASSUMPTION);

  /** Mesh bytes per cell. */
  public static final Param BYTES_PER_CELL =
      Param.integer("bytes_per_cell", 8, 1_000_000)
          .in(Dimension.SIZE, "B")
          .defaultValue(DEFAULT_BYTES_PER_CELL)
          .meaning("mesh state per cell")
          .source(Param.ASSUMPTION);

  /** Partner offsets per step. */
  public static final Param PARTNERS =
      Param.integer("partners", 1, 64)
          .defaultValue(DEFAULT_PARTNERS)
          .meaning("partner offsets per step (2 partners each)")
          .source(Param.ASSUMPTION);

  /** Mean message size. */
  public static final Param MESSAGE_BYTES =
      Param.integer("message_bytes", 8, 1L << 30)
          .in(Dimension.SIZE, "B")
          .defaultValue(DEFAULT_MESSAGE_BYTES)
          .meaning("mean gather/scatter message size")
          .source(Param.ASSUMPTION);

  /** Spread of cells per rank. */
  public static final Param IMBALANCE =
      Param.decimal("imbalance", 0, 0.99)
          .defaultValue(DEFAULT_IMBALANCE)
          .meaning("relative spread of cells per rank and step")
          .source(Param.ASSUMPTION);

  public static final WorkloadFactory FACTORY =
      WorkloadFactory.of(
          "sage",
          "Sage-like adaptive-mesh hydro: imbalanced compute, irregular gather/scatter,"
              + " small allreduces",
          List.of(
              CELLS,
              FLOPS_PER_CELL,
              BYTES_PER_CELL,
              PARTNERS,
              MESSAGE_BYTES,
              IMBALANCE,
              TimeSteppedRun.STEPS,
              TimeSteppedRun.ALLREDUCES),
          p ->
              new SageProxy(
                  p.intValue(CELLS),
                  p.intValue(FLOPS_PER_CELL),
                  p.intValue(BYTES_PER_CELL),
                  p.intValue(PARTNERS),
                  p.longValue(MESSAGE_BYTES),
                  p.doubleValue(IMBALANCE),
                  p.intValue(TimeSteppedRun.STEPS),
                  p.intValue(TimeSteppedRun.ALLREDUCES)));

  private final int cells;
  private final int flopsPerCell;
  private final int bytesPerCell;
  private final int partners;
  private final long messageBytes;
  private final double imbalance;
  private final int steps;
  private final int allreduces;

  /** A Sage-like run with the given sizes. */
  public SageProxy(
      int cells,
      int flopsPerCell,
      int bytesPerCell,
      int partners,
      long messageBytes,
      double imbalance,
      int steps,
      int allreduces) {
    this.cells = cells;
    this.flopsPerCell = flopsPerCell;
    this.bytesPerCell = bytesPerCell;
    this.partners = partners;
    this.messageBytes = messageBytes;
    this.imbalance = imbalance;
    this.steps = steps;
    this.allreduces = allreduces;
  }

  @Override
  public String name() {
    return "sage";
  }

  /** The offset d_j (1 ≤ d_j &lt; P) of partner pair j in step s. */
  static int offset(long seed, int step, int j, int ranks) {
    return 1 + (int) Long.remainderUnsigned(StableHash.of(seed, step, j), ranks - 1);
  }

  /** Two sends per partner, each at most 1.5 times the mean size. */
  @Override
  public long peakSendBytesPerRank() {
    return 2L * partners * (messageBytes + messageBytes / 2);
  }

  /** Size of the message rank {@code from} sends with offset j in step s, a multiple of 8. */
  long messageBytes(long seed, int step, int j, int from) {
    double u = StableHash.unit(seed, step, j, from, 1);
    return Math.max(
        DOUBLE_BYTES, Math.round(messageBytes * (0.5 + u) / DOUBLE_BYTES) * DOUBLE_BYTES);
  }

  /** Compute units (of {@link #CELLS_PER_UNIT} cells) of {@code rank} in step s. */
  long computeUnits(long seed, int step, int rank) {
    double u = StableHash.unit(seed, step, rank, 2);
    double rankCells = cells * (1 + imbalance * (2 * u - 1));
    return Math.max(1, Math.round(rankCells / CELLS_PER_UNIT));
  }

  @Override
  public WorkloadInstance instantiate(int ranks, long seed) {
    return new Run(ranks, seed);
  }

  private final class Run extends TimeSteppedRun {
    private final int ranks;
    private final long seed;

    Run(int ranks, long seed) {
      super(ranks, steps, allreduces, cellUnit(), (long) cells * bytesPerCell);
      this.ranks = ranks;
      this.seed = seed;
    }

    @Override
    long computeUnits(int rank, int s) {
      return SageProxy.this.computeUnits(seed, s, rank);
    }

    /** Gather/scatter with this step's partners: r ± d_j for every j. */
    @Override
    boolean exchange(int rank, int s, Mpi mpi) {
      if (ranks == 1) {
        return false;
      }
      for (int j = 0; j < partners; j++) {
        int d = offset(seed, s, j, ranks);
        int up = (rank + d) % ranks;
        int down = (rank - d + ranks) % ranks;
        // Forward messages go from a to a + d with tag 2j; backward from a to a − d with 2j + 1.
        mpi.irecv(down, TAG_BASE + 2 * j, messageBytes(seed, s, j, down));
        mpi.irecv(up, TAG_BASE + 2 * j + 1, messageBytes(seed, s, j, up));
        mpi.isend(up, TAG_BASE + 2 * j, messageBytes(seed, s, j, rank));
        mpi.isend(down, TAG_BASE + 2 * j + 1, messageBytes(seed, s, j, rank));
      }
      mpi.waitall();
      return true;
    }
  }

  /**
   * The work of {@link #CELLS_PER_UNIT} cells: each cell's state read word by word and one word
   * gathered from each face neighbour ({@link AccessKind#CELL_GATHER} over the rank's mesh).
   */
  private ComputeStep cellUnit() {
    long footprint = (long) cells * bytesPerCell;
    double referencesPerCell =
        (double) bytesPerCell / DOUBLE_BYTES + AccessPattern.CELL_FACE_NEIGHBOURS;
    return ComputeStep.of(
        "sage-cells",
        ComputePhase.of(
            (double) CELLS_PER_UNIT * flopsPerCell,
            (double) CELLS_PER_UNIT * bytesPerCell,
            CELLS_PER_UNIT * referencesPerCell,
            new AccessPattern(AccessKind.CELL_GATHER, footprint, bytesPerCell)));
  }
}
