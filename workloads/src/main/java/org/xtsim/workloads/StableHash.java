package org.xtsim.workloads;

/**
 * Deterministic hashing of small integer tuples (SplitMix64's finaliser), for workload decisions
 * that two ranks must agree on without talking — a neighbour set, a message size — and that must
 * not depend on which thread runs them.
 */
public final class StableHash {
  private StableHash() {}

  /** A well-mixed 64-bit hash of the values, in order. */
  public static long of(long... values) {
    long h = 0x9E3779B97F4A7C15L;
    for (long v : values) {
      h = mix(h ^ v) + 0x9E3779B97F4A7C15L;
    }
    return mix(h);
  }

  /** A uniform double in [0, 1) from the values. */
  public static double unit(long... values) {
    return (of(values) >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
