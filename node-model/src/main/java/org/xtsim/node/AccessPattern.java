package org.xtsim.node;

/**
 * Where a phase's memory references go.
 *
 * @param kind the shape of the reference stream
 * @param footprintBytes bytes of memory the references cover, &gt; 0
 * @param strideBytes stride of a {@link AccessKind#STRIDED} stream, or bytes of one cell of a
 *     {@link AccessKind#CELL_GATHER} stream (ignored otherwise), &gt; 0
 */
public record AccessPattern(AccessKind kind, long footprintBytes, long strideBytes) {
  /** Default stride of a strided pattern: one 4 KB page, the worst case for a TLB. */
  public static final long DEFAULT_STRIDE_BYTES = 4096;

  /** Points of the 27-point operator: non-zeros of an interior row of HPCCG's matrix. */
  public static final int SPMV_POINTS = 27;

  /**
   * Bytes per row of a {@link AccessKind#SPARSE_MATRIX_27} footprint: 27 values (8 bytes) and
   * column indices (4 bytes, HPCCG's {@code int}), x and y (8 bytes each).
   */
  public static final long SPMV_BYTES_PER_ROW = SPMV_POINTS * (8 + 4) + 8 + 8;

  /** Face neighbours a {@link AccessKind#CELL_GATHER} cell gathers from. */
  public static final int CELL_FACE_NEIGHBOURS = 6;

  /** Validates. */
  public AccessPattern {
    if (footprintBytes < 8 || strideBytes <= 0) {
      throw new IllegalArgumentException(
          "footprint must be >= 8 bytes and stride > 0, was " + footprintBytes + "/" + strideBytes);
    }
  }

  /** A pattern with the default stride. */
  public static AccessPattern of(AccessKind kind, long footprintBytes) {
    return new AccessPattern(kind, footprintBytes, DEFAULT_STRIDE_BYTES);
  }
}
