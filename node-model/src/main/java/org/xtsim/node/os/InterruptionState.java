package org.xtsim.node.os;

import java.util.Arrays;

/**
 * Per-node interruption state for many nodes, in flat primitive arrays: for each node and source
 * the next occurrence time, a sequence number and an occurrence count, plus the node's deferred
 * host work and the end of its last phase. About {@code 24 × sources + 16} bytes per node.
 *
 * <p>Element {@code node} is only read and written by calls for that node, so one instance can be
 * shared by the components of a parallel run as long as each node is driven by one component.
 */
public final class InterruptionState {
  /** Marks a source not yet started on a node. */
  static final long UNSET = Long.MIN_VALUE;

  final int sources;
  final long[] nextPs;
  final long[] sequence;
  final long[] occurrences;
  final long[] pendingPs;
  final long[] lastEndPs;

  /** State for {@code nodes} nodes and {@code sources} interruption sources. */
  public InterruptionState(int nodes, int sources) {
    if (nodes <= 0 || sources < 0) {
      throw new IllegalArgumentException("nodes must be > 0 and sources >= 0");
    }
    this.sources = sources;
    this.nextPs = new long[Math.multiplyExact(nodes, sources)];
    this.sequence = new long[nextPs.length];
    this.occurrences = new long[nextPs.length];
    this.pendingPs = new long[nodes];
    this.lastEndPs = new long[nodes];
    Arrays.fill(nextPs, UNSET);
    Arrays.fill(lastEndPs, UNSET);
  }

  /** Number of nodes. */
  public int nodes() {
    return pendingPs.length;
  }

  /** Bytes of state per node: three longs per source plus two. */
  public int bytesPerNode() {
    return Long.BYTES * (3 * sources + 2);
  }

  /** Occurrences of source {@code source} that hit (or were deferred on) {@code node} so far. */
  public long occurrences(int node, int source) {
    return occurrences[node * sources + source];
  }

  /** Deferred host work of {@code node} not yet absorbed by idle time, in picoseconds. */
  public long pendingPs(int node) {
    return pendingPs[node];
  }
}
