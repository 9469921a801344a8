package org.xtsim.node;

/** The shape of a compute phase's memory references. */
public enum AccessKind {
  /** A unit-stride sweep over the footprint, 8-byte elements. */
  SEQUENTIAL,
  /** A sweep with a fixed stride (bytes) over the footprint, wrapping. */
  STRIDED,
  /** A 7-point 3-D stencil sweep over a cubic grid of 8-byte values filling the footprint. */
  STENCIL,
  /** Uniformly random 8-byte references over the footprint. */
  RANDOM,
  /**
   * The sparse matrix-vector product of a 27-point operator on a cubic grid, stored row by row
   * (compressed rows, as Mantevo HPCCG's {@code HPC_sparsemv} reads it): per non-zero its 8-byte
   * value and 4-byte column index in order, then the gather of {@code x[column]} from the 27
   * neighbours in three z-planes; per row the store of {@code y[row]}. The footprint holds the
   * values, indices, x and y of {@link AccessPattern#SPMV_BYTES_PER_ROW} bytes a row.
   */
  SPARSE_MATRIX_27,
  /**
   * Cells of {@code strideBytes} bytes each, stored in mesh order (lexicographic over a cube of
   * cells): per cell its state word by word, then one word gathered (through the cell's neighbour
   * list) from each of its {@link AccessPattern#CELL_FACE_NEIGHBOURS} face neighbours, cells ± 1, ±
   * s, ± s² for a cube of side s. The clustered indirect gathers of a cell-based hydro code.
   */
  CELL_GATHER;

  /** Parses a lower-case name ({@code sequential}, {@code strided}, {@code stencil}, ...). */
  public static AccessKind parse(String text) {
    for (AccessKind k : values()) {
      if (k.name().equalsIgnoreCase(text.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "pattern must be one of sequential, strided, stencil, random, sparse_matrix_27,"
            + " cell_gather, was '"
            + text
            + "'");
  }
}
