package org.xtsim.node.os;

import org.xtsim.engine.RandomStream;

/**
 * A stand-alone SplitMix64 {@link RandomStream} (Steele, Lea, Flood 2014), for driving the node
 * models outside a simulation (tests, the probe). Inside a run use the engine's {@code
 * ctx.random()}.
 */
public final class SplitMixRandom implements RandomStream {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private long state;

  /** A stream seeded from {@code seed} and a stream id (e.g. a node index). */
  public SplitMixRandom(long seed, long streamId) {
    this.state = mix64(mix64(seed) + GOLDEN_GAMMA * (streamId + 1));
  }

  @Override
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  @Override
  public long state() {
    return state;
  }

  /** The SplitMix64 output mix (Stafford's variant 13). */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
