package org.xtsim.engine.internal;

/** SplitMix64 (Steele, Lea, Flood 2014): one {@code long} of state per component. */
public final class RandomStreams {
  /** The SplitMix64 increment, 2^64 / φ. */
  static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private RandomStreams() {}

  /** The initial state of component {@code id}'s stream in a run seeded with {@code seed}. */
  public static long initialState(long seed, int id) {
    return mix64(mix64(seed) + GOLDEN_GAMMA * (id + 1L));
  }

  /** The SplitMix64 output mix (Stafford's variant 13). */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
