package org.xtsim.workloads.proxies;

import java.util.List;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.params.Param;
import org.xtsim.workloads.ComputeStep;
import org.xtsim.workloads.Workload;
import org.xtsim.workloads.WorkloadFactory;
import org.xtsim.workloads.WorkloadInstance;

/**
 * A proxy of CTH, Sandia's Eulerian shock-physics code, in the structure the Red Storm studies
 * describe it (Kelly et al.; Vaughan et al. on CTH's communication): a structured 3-D mesh,
 * decomposed in 3-D over a balanced process grid; weak scaling with a cube of {@code cells}³ cells
 * per rank. Each time step computes on every cell (a stencil sweep over all cell variables), then
 * exchanges one face of ghost cells with each of up to six neighbours — large messages, of cells² ×
 * {@code variables} doubles — and ends with a few small allreduces (the stable time step and
 * conservation checks). Figure of merit: run time.
 *
 * <p>Flops per cell and exchanged variables are <b>assumptions</b> (no public per-step counts for
 * CTH were found); they are parameters to sweep.
 */
public final class CthProxy implements Workload {
  /** Per-rank cube edge in cells; an <b>assumption</b> sized to a CTH weak-scaling run. */
  public static final int DEFAULT_CELLS = 50;

  /** Doubles per cell in a ghost face; <b>assumption</b>. */
  public static final int DEFAULT_VARIABLES = 40;

  /** Flops per cell per step; <b>assumption</b>. */
  public static final int DEFAULT_FLOPS_PER_CELL = 2_500;

  private static final int FACE_TAG_BASE = 10;
  private static final long DOUBLE_BYTES = 8;

  /** Declares the parameters and makes the workload. */
  /** Cube edge per rank. */
  public static final Param CELLS =
      Param.integer("cells", 2, 1_000)
          .defaultValue(DEFAULT_CELLS)
          .meaning("cube edge in cells per rank")
          .source(Param.ASSUMPTION + ", sized to a CTH weak-scaling run");

  /** Doubles per cell in a ghost face. */
  public static final Param VARIABLES =
      Param.integer("variables", 1, 1_000)
          .defaultValue(DEFAULT_VARIABLES)
          .meaning("doubles per cell in ghost faces")
          .source(Param.ASSUMPTION);

  /** Flops per cell per step. */
  public static final Param FLOPS_PER_CELL =
      Param.integer("flops_per_cell", 1, 1_000_000)
          .defaultValue(DEFAULT_FLOPS_PER_CELL)
          .meaning("flops per cell per time step")
          .source(Param.ASSUMPTION);

  public static final WorkloadFactory FACTORY =
      WorkloadFactory.of(
          "cth",
          "CTH-like shock physics: 3-D decomposition, 6-neighbour large-face exchange,"
              + " small allreduces",
          List.of(
              CELLS, VARIABLES, FLOPS_PER_CELL, TimeSteppedRun.STEPS, TimeSteppedRun.ALLREDUCES),
          p ->
              new CthProxy(
                  p.intValue(CELLS),
                  p.intValue(VARIABLES),
                  p.intValue(FLOPS_PER_CELL),
                  p.intValue(TimeSteppedRun.STEPS),
                  p.intValue(TimeSteppedRun.ALLREDUCES)));

  private final int cells;
  private final int variables;
  private final int flopsPerCell;
  private final int steps;
  private final int allreduces;

  /** A CTH-like run with the given sizes. */
  public CthProxy(int cells, int variables, int flopsPerCell, int steps, int allreduces) {
    this.cells = cells;
    this.variables = variables;
    this.flopsPerCell = flopsPerCell;
    this.steps = steps;
    this.allreduces = allreduces;
  }

  @Override
  public String name() {
    return "cth";
  }

  /** Bytes of one ghost face. */
  public long faceBytes() {
    return (long) cells * cells * variables * DOUBLE_BYTES;
  }

  /** Six faces at once. */
  @Override
  public long peakSendBytesPerRank() {
    return 6 * faceBytes();
  }

  @Override
  public WorkloadInstance instantiate(int ranks, long seed) {
    return new Run(ranks);
  }

  private final class Run extends TimeSteppedRun {
    private final Grid3d grid;

    Run(int ranks) {
      super(ranks, steps, allreduces, sweep(), meshBytes());
      this.grid = new Grid3d(ranks);
    }

    @Override
    long computeUnits(int rank, int s) {
      return 1;
    }

    @Override
    boolean exchange(int rank, int s, Mpi mpi) {
      long bytes = faceBytes();
      boolean any = false;
      for (int face = 0; face < 6; face++) {
        int peer = grid.neighbour(rank, face);
        if (peer >= 0) {
          mpi.irecv(peer, FACE_TAG_BASE + Grid3d.opposite(face), bytes);
          any = true;
        }
      }
      for (int face = 0; face < 6; face++) {
        int peer = grid.neighbour(rank, face);
        if (peer >= 0) {
          mpi.isend(peer, FACE_TAG_BASE + face, bytes);
        }
      }
      if (any) {
        mpi.waitall();
      }
      return any;
    }
  }

  /** Bytes of the rank's mesh: every variable of every cell of its cube. */
  long meshBytes() {
    return (long) cells * cells * cells * variables * DOUBLE_BYTES;
  }

  /** One step's sweep over every cell and variable of the rank's cube. */
  private ComputeStep sweep() {
    double cellCount = (double) cells * cells * cells;
    long footprint = meshBytes();
    return ComputeStep.of(
        "cth-step",
        ComputePhase.of(
            cellCount * flopsPerCell,
            2.0 * footprint,
            2.0 * cellCount * variables,
            AccessPattern.of(AccessKind.STENCIL, footprint)));
  }
}
