package org.xtsim.node.os;

import java.util.Arrays;

/**
 * Per-node interruption state for many nodes, in flat primitive arrays: for each node and source
 * the next occurrence time, a sequence number and an occurrence count, plus the node's deferred
 * host work, since when it has waited and what the node pays on resuming after it, the end of the
 * last span of work walked, and a random stream for each node and source (SplitMix64 state seeded
 * from the run seed, the node and the source's salt). About {@code 32 × sources + 32} bytes per
 * node.
 *
 * <p>Element {@code node} is only read and written by calls for that node, so one instance can be
 * shared by the components of a parallel run as long as each node is driven by one component at a
 * time. Because each node draws from its own streams, the draws do not depend on which component or
 * thread asks (the node's events, or the collective coordinator acting for it). Because each source
 * draws from its own stream, salted by what the source is rather than where it stands in the list,
 * adding a source (host preemption, injected noise) leaves the draws of the others as they were:
 * configurations compared on one seed see the same guest daemons (common random numbers).
 */
public final class InterruptionState {
  /** Marks a source not yet started on a node. */
  static final long UNSET = Long.MIN_VALUE;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  final int sources;
  final long[] nextPs;
  final long[] sequence;
  final long[] occurrences;
  final long[] pendingPs;
  final long[] pendingSincePs;
  final long[] pendingResumePs;
  final long[] lastEndPs;
  private final long[] random;

  /**
   * State for {@code nodes} nodes and one interruption source per salt in {@code sourceSalts},
   * seeded by {@code seed}.
   */
  public InterruptionState(int nodes, long[] sourceSalts, long seed) {
    if (nodes <= 0) {
      throw new IllegalArgumentException("nodes must be > 0");
    }
    int sources = sourceSalts.length;
    this.sources = sources;
    this.nextPs = new long[Math.multiplyExact(nodes, sources)];
    this.sequence = new long[nextPs.length];
    this.occurrences = new long[nextPs.length];
    this.pendingPs = new long[nodes];
    this.pendingSincePs = new long[nodes];
    this.pendingResumePs = new long[nodes];
    this.lastEndPs = new long[nodes];
    this.random = new long[nextPs.length];
    Arrays.fill(nextPs, UNSET);
    Arrays.fill(lastEndPs, UNSET);
    Arrays.fill(pendingSincePs, UNSET);
    long mixed = SplitMixRandom.mix64(seed);
    for (int n = 0; n < nodes; n++) {
      long node = SplitMixRandom.mix64(mixed + GOLDEN_GAMMA * (n + 1));
      for (int s = 0; s < sources; s++) {
        random[n * sources + s] = SplitMixRandom.mix64(node + sourceSalts[s]);
      }
    }
  }

  /** Number of nodes. */
  public int nodes() {
    return pendingPs.length;
  }

  /** Bytes of state per node: four longs per source plus four. */
  public int bytesPerNode() {
    return Long.BYTES * (4 * sources + 4);
  }

  /** Occurrences of source {@code source} that hit (or were deferred on) {@code node} so far. */
  public long occurrences(int node, int source) {
    return occurrences[node * sources + source];
  }

  /** Deferred host work of {@code node} not yet absorbed by idle time, in picoseconds. */
  public long pendingPs(int node) {
    return pendingPs[node];
  }

  /**
   * The next uniform draw in [0, 1) of the stream of element {@code i} = node × sources + source.
   */
  double nextUniform(int i) {
    long z = random[i] += GOLDEN_GAMMA;
    return (SplitMixRandom.mix64(z) >>> 11) * 0x1.0p-53;
  }
}
