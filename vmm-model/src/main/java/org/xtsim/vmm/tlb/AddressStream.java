package org.xtsim.vmm.tlb;

import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.os.SplitMixRandom;

/**
 * A synthetic stream of 8-byte-aligned virtual addresses in [0, footprint) for an {@link
 * AccessPattern}: a sequential sweep, a strided sweep, a 7-point 3-D stencil sweep over a cubic
 * grid, or uniform random references. Deterministic for a seed; allocation-free.
 */
public final class AddressStream {
  private static final int STENCIL_POINTS = 7;
  private final AccessKind kind;
  private final long footprint;
  private final long stride;
  private final long elements;
  private final long[] stencilOffsets;
  private long position;
  private long point;
  private int neighbour;
  private long random;

  /** A stream for {@code pattern}, random draws seeded from {@code seed}. */
  public AddressStream(AccessPattern pattern, long seed) {
    this.kind = pattern.kind();
    this.footprint = pattern.footprintBytes() & ~7L;
    this.stride = pattern.strideBytes();
    this.elements = footprint >>> 3;
    long n = Math.max(1, (long) Math.floor(Math.cbrt((double) elements)));
    while ((n + 1) * (n + 1) * (n + 1) <= elements) {
      n++;
    }
    this.stencilOffsets = new long[] {0, 1, -1, n, -n, n * n, -n * n};
    this.random = SplitMixRandom.mix64(seed ^ 0x5DEECE66DL) | 1;
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
      default:
        throw new AssertionError(kind);
    }
  }
}
