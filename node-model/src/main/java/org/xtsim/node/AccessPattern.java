package org.xtsim.node;

/**
 * Where a phase's memory references go.
 *
 * @param kind the shape of the reference stream
 * @param footprintBytes bytes of memory the references cover, &gt; 0
 * @param strideBytes stride of a {@link AccessKind#STRIDED} stream (ignored otherwise), &gt; 0
 */
public record AccessPattern(AccessKind kind, long footprintBytes, long strideBytes) {
  /** Default stride of a strided pattern: one 4 KB page, the worst case for a TLB. */
  public static final long DEFAULT_STRIDE_BYTES = 4096;

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
