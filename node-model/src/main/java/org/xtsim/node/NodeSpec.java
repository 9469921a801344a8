package org.xtsim.node;

/**
 * The hardware of one compute node as the cost models see it. All values are per node unless the
 * name says per core. Build one from {@link NodePresets} and change fields with the {@code with}
 * methods.
 *
 * @param name preset name, e.g. {@code "xt4"}
 * @param cores cores per node
 * @param clockHz core clock in hertz
 * @param memoryBytes DRAM per node
 * @param memoryLatencyNs load-to-use latency of a DRAM access
 * @param memoryBandwidthBytesPerSecond sustainable DRAM bandwidth of the node
 * @param flopsPerCycle double-precision flops a core retires per cycle at peak
 * @param lastLevelCacheBytes cache a core can use before accesses go to DRAM
 * @param outstandingMisses DRAM misses a core overlaps (memory-level parallelism)
 * @param tlb the data-TLB hierarchy and page-walk caches
 * @param pageWalkReferenceCycles cycles one page-walk memory reference costs on average
 */
public record NodeSpec(
    String name,
    int cores,
    double clockHz,
    long memoryBytes,
    double memoryLatencyNs,
    double memoryBandwidthBytesPerSecond,
    double flopsPerCycle,
    long lastLevelCacheBytes,
    int outstandingMisses,
    TlbHierarchy tlb,
    int pageWalkReferenceCycles) {
  /** Validates. */
  public NodeSpec {
    if (cores <= 0
        || !(clockHz > 0)
        || memoryBytes <= 0
        || !(memoryLatencyNs > 0)
        || !(memoryBandwidthBytesPerSecond > 0)
        || !(flopsPerCycle > 0)
        || lastLevelCacheBytes < 0
        || outstandingMisses <= 0
        || pageWalkReferenceCycles < 0) {
      throw new IllegalArgumentException("invalid node spec " + name);
    }
  }

  /** DRAM latency in core cycles. */
  public double memoryLatencyCycles() {
    return memoryLatencyNs * 1e-9 * clockHz;
  }

  /** DRAM bytes per core cycle available to one core when all cores stream at once. */
  public double bytesPerCyclePerCore() {
    return memoryBandwidthBytesPerSecond / clockHz / cores;
  }

  /**
   * Cycles a core waits on DRAM for a phase: the larger of the bandwidth time ({@code bytes} at the
   * per-core share of the node's bandwidth) and, for random references over a footprint larger than
   * the cache, the latency time (references that miss × DRAM latency / overlapped misses).
   */
  public double memoryCycles(double bytesMoved, double memoryReferences, AccessPattern pattern) {
    double bandwidth = bytesMoved / bytesPerCyclePerCore();
    long footprint = pattern.footprintBytes();
    double latency = 0;
    if (pattern.kind() == AccessKind.RANDOM && footprint > lastLevelCacheBytes) {
      double missFraction = 1.0 - lastLevelCacheBytes / (double) footprint;
      latency = memoryReferences * missFraction * memoryLatencyCycles() / outstandingMisses;
    }
    return Math.max(bandwidth, latency);
  }

  /** A copy with another TLB hierarchy (e.g. walk caches disabled). */
  public NodeSpec withTlb(TlbHierarchy newTlb) {
    return new NodeSpec(
        name,
        cores,
        clockHz,
        memoryBytes,
        memoryLatencyNs,
        memoryBandwidthBytesPerSecond,
        flopsPerCycle,
        lastLevelCacheBytes,
        outstandingMisses,
        newTlb,
        pageWalkReferenceCycles);
  }

  /** A copy with another page-walk reference cost. */
  public NodeSpec withPageWalkReferenceCycles(int cycles) {
    return new NodeSpec(
        name,
        cores,
        clockHz,
        memoryBytes,
        memoryLatencyNs,
        memoryBandwidthBytesPerSecond,
        flopsPerCycle,
        lastLevelCacheBytes,
        outstandingMisses,
        tlb,
        cycles);
  }
}
