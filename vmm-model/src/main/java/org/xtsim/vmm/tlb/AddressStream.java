package org.xtsim.vmm.tlb;

import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.os.SplitMixRandom;

/**
 * A synthetic stream of virtual addresses in [0, footprint) for an {@link AccessPattern}: a
 * sequential sweep, a strided sweep, a 7-point 3-D stencil sweep over a cubic grid, uniform random
 * references, the sparse matrix-vector product of a 27-point operator ({@link
 * AccessKind#SPARSE_MATRIX_27}) or a sweep over cells with gathers from their face neighbours
 * ({@link AccessKind#CELL_GATHER}). Addresses are 8-byte aligned except the 4-byte column indices
 * of the sparse matrix. Deterministic for a seed; allocation-free.
 */
public final class AddressStream {
  private static final int STENCIL_POINTS = 7;
  private static final long DOUBLE_BYTES = 8;
  private static final long INDEX_BYTES = 4;

  /** Steps of one non-zero of the matrix-vector product: value, column index, x[column]. */
  private static final int SPMV_VALUE = 0;

  private static final int SPMV_INDEX = 1;
  private static final int SPMV_GATHER = 2;

  private final AccessKind kind;
  private final long footprint;
  private final long stride;
  private final long elements;
  private final long[] stencilOffsets;
  private long position;
  private long point;
  private int neighbour;
  private long random;

  // The sparse matrix-vector product: a cube of side gridSide, one row per grid point.
  private final long gridSide;
  private final long rows;
  private final long indexBase;
  private final long xBase;
  private final long yBase;
  private long row;
  private long rowX;
  private long rowY;
  private long rowZ;
  private long nonZero;
  private int spmvStep;

  // Cells: cellBytes each, a cube of side cellSide in mesh order.
  private final long cellBytes;
  private final long cells;
  private final long[] cellNeighbourOffsets;
  private long cell;
  private long wordInCell;

  /** A stream for {@code pattern}, random draws seeded from {@code seed}. */
  public AddressStream(AccessPattern pattern, long seed) {
    this.kind = pattern.kind();
    this.footprint = pattern.footprintBytes() & ~7L;
    this.stride = pattern.strideBytes();
    this.elements = footprint >>> 3;
    long n = cubeSide(elements);
    this.stencilOffsets = new long[] {0, 1, -1, n, -n, n * n, -n * n};
    this.random = SplitMixRandom.mix64(seed ^ 0x5DEECE66DL) | 1;

    this.gridSide =
        cubeSide(Math.max(1, pattern.footprintBytes() / AccessPattern.SPMV_BYTES_PER_ROW));
    this.rows = gridSide * gridSide * gridSide;
    this.indexBase = rows * AccessPattern.SPMV_POINTS * DOUBLE_BYTES;
    this.xBase = indexBase + rows * AccessPattern.SPMV_POINTS * INDEX_BYTES;
    this.yBase = xBase + rows * DOUBLE_BYTES;

    this.cellBytes = Math.max(DOUBLE_BYTES, pattern.strideBytes() & ~7L);
    this.cells = Math.max(1, footprint / cellBytes);
    long s = cubeSide(cells);
    this.cellNeighbourOffsets = new long[] {1, -1, s, -s, s * s, -s * s};
  }

  /** The largest n with n³ ≤ {@code count} (at least 1). */
  private static long cubeSide(long count) {
    long n = Math.max(1, (long) Math.floor(Math.cbrt((double) count)));
    while (n > 1 && n * n * n > count) {
      n--;
    }
    while ((n + 1) * (n + 1) * (n + 1) <= count) {
      n++;
    }
    return n;
  }

  /** The next virtual address. */
  public long next() {
    switch (kind) {
      case SEQUENTIAL:
        {
          long a = position;
          position += 8;
          if (position >= footprint) {
            position = 0;
          }
          return a;
        }
      case STRIDED:
        {
          long a = position;
          position += stride;
          while (position >= footprint) {
            position -= footprint;
          }
          return a;
        }
      case STENCIL:
        {
          long e = point + stencilOffsets[neighbour];
          if (e < 0) {
            e += elements;
          } else if (e >= elements) {
            e -= elements;
          }
          if (++neighbour == STENCIL_POINTS) {
            neighbour = 0;
            if (++point == elements) {
              point = 0;
            }
          }
          return e << 3;
        }
      case RANDOM:
        {
          long x = random;
          x ^= x >>> 12;
          x ^= x << 25;
          x ^= x >>> 27;
          random = x;
          long r = x * 0x2545F4914F6CDD1DL;
          return Math.multiplyHigh(r >>> 1, elements << 1) << 3;
        }
      case SPARSE_MATRIX_27:
        return nextSpmv();
      case CELL_GATHER:
        return nextCell();
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * One reference of HPCCG's {@code HPC_sparsemv}: for each row, for each neighbour (dz, dy, dx in
   * −1..1, x fastest, those inside the grid) the value, the column index and x[column]; then
   * y[row].
   */
  private long nextSpmv() {
    while (neighbour < AccessPattern.SPMV_POINTS) {
      long column = neighbourRow(neighbour);
      if (column < 0) {
        neighbour++;
        continue;
      }
      switch (spmvStep) {
        case SPMV_VALUE:
          spmvStep = SPMV_INDEX;
          return nonZero * DOUBLE_BYTES;
        case SPMV_INDEX:
          spmvStep = SPMV_GATHER;
          return indexBase + nonZero * INDEX_BYTES;
        default:
          spmvStep = SPMV_VALUE;
          neighbour++;
          nonZero++;
          return xBase + column * DOUBLE_BYTES;
      }
    }
    long a = yBase + row * DOUBLE_BYTES;
    neighbour = 0;
    if (++row == rows) {
      row = 0;
      nonZero = 0;
    }
    rowX = row % gridSide;
    rowY = (row / gridSide) % gridSide;
    rowZ = row / (gridSide * gridSide);
    return a;
  }

  /** The row of neighbour {@code k} (0..26) of the current row, or −1 outside the grid. */
  private long neighbourRow(int k) {
    long x = rowX + k % 3 - 1;
    long y = rowY + (k / 3) % 3 - 1;
    long z = rowZ + k / 9 - 1;
    if (x < 0 || y < 0 || z < 0 || x >= gridSide || y >= gridSide || z >= gridSide) {
      return -1;
    }
    return x + gridSide * (y + gridSide * z);
  }

  /** One reference of a cell update: the cell's words in order, then one word per neighbour. */
  private long nextCell() {
    long words = cellBytes / DOUBLE_BYTES;
    if (wordInCell < words) {
      return cell * cellBytes + (wordInCell++) * DOUBLE_BYTES;
    }
    int k = (int) (wordInCell - words);
    long other = cell + cellNeighbourOffsets[k];
    if (other < 0) {
      other += cells;
    } else if (other >= cells) {
      other -= cells;
    }
    // The gathered word: the k-th state variable of the neighbour (density, pressure, ...).
    long a = other * cellBytes + (k * DOUBLE_BYTES) % cellBytes;
    if (++wordInCell == words + AccessPattern.CELL_FACE_NEIGHBOURS) {
      wordInCell = 0;
      if (++cell == cells) {
        cell = 0;
      }
    }
    return a;
  }

  /** References a stream of {@code kind} makes to cover a footprint once. */
  static long sweepAccesses(AccessKind kind, long footprint, long stride) {
    switch (kind) {
      case SEQUENTIAL:
        return footprint / 8;
      case STRIDED:
        return Math.max(1, footprint / stride);
      case STENCIL:
        return STENCIL_POINTS * (footprint / 8);
      case RANDOM:
        return 4 * (footprint >>> 12);
      case SPARSE_MATRIX_27:
        return (footprint / AccessPattern.SPMV_BYTES_PER_ROW)
            * (3L * AccessPattern.SPMV_POINTS + 1);
      case CELL_GATHER:
        {
          long cellBytes = Math.max(DOUBLE_BYTES, stride & ~7L);
          return (footprint / cellBytes) * (cellBytes / 8 + AccessPattern.CELL_FACE_NEIGHBOURS);
        }
      default:
        throw new AssertionError(kind);
    }
  }
}
