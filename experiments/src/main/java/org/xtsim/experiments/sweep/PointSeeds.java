package org.xtsim.experiments.sweep;

import java.nio.charset.StandardCharsets;

/**
 * Derives a point's seed from the experiment's base seed and a text identity: 64-bit FNV-1a of the
 * identity's UTF-8 bytes, mixed with the base seed through the SplitMix64 finaliser. Stable across
 * JVMs and versions.
 */
public final class PointSeeds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private PointSeeds() {}

  /** The seed of the point with identity {@code identity} under {@code baseSeed}. */
  public static long seed(long baseSeed, String identity) {
    return mix(mix(baseSeed) ^ fnv1a(identity));
  }

  /** 64-bit FNV-1a hash of the UTF-8 bytes of {@code text}. */
  public static long fnv1a(String text) {
    long h = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return h;
  }

  /** The SplitMix64 finaliser: a bijective mix of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
