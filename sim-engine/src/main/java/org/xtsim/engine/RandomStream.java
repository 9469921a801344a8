package org.xtsim.engine;

/**
 * A component's own pseudo-random stream (SplitMix64). The state is one {@code long} per component,
 * kept by the engine, seeded from (run seed, component id) so that draws do not depend on which
 * thread runs the component.
 */
public interface RandomStream {
  /** The next 64 random bits. */
  long nextLong();

  /** A uniform double in [0, 1). */
  default double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A uniform int in [0, bound). */
  default int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0, was " + bound);
    }
    // Lemire's multiply-shift; the bias is below 2^-32 for any int bound.
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** An exponentially distributed double with the given mean. */
  default double nextExponential(double mean) {
    return -mean * Math.log1p(-nextDouble());
  }

  /** The raw state of the stream, for digests and checkpoints. */
  long state();
}
