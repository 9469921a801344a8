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
 * @param caches the data caches a page-walk reference goes through (its cost is where it hits)
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
    CacheHierarchy caches) {
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
        || caches == null) {
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

  /**
   * Cycles of a phase's memory time and its steady-state translation time together. A TLB miss
   * holds the one page walker until its walk is done (walks do not overlap each other) and delays
   * only the reference that waits on it; meanwhile the out-of-order core keeps other references in
   * flight, at most {@code outstandingMisses} in all, walks included. So walks and memory time
   * overlap as two pipelined resources: the phase takes at least its walk time (the walker's
   * occupancy), and at least its memory time plus the walk time shared by the references in flight
   * ({@code memory + walks / outstandingMisses}, Little's law with the walk added to each waiting
   * reference's latency). Never less than either input: a translation cost never makes a phase
   * faster.
   *
   * @param memoryCycles {@link #memoryCycles} of the phase
   * @param walkCycles steady-state translation cycles of the phase (L2 TLB hits and walks)
   */
  public double memoryWithTranslationCycles(double memoryCycles, double walkCycles) {
    return Math.max(walkCycles, memoryCycles + walkCycles / outstandingMisses);
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
        caches);
  }

  /** A copy with other data caches (where page-walk references hit). */
  public NodeSpec withCaches(CacheHierarchy newCaches) {
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
        newCaches);
  }
}
