package org.xtsim.vmm.tlb;

import java.util.concurrent.ConcurrentHashMap;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.NodeSpec;

/**
 * Calibrations computed once per configuration and shared by all nodes and threads, at the
 * workload's own footprint rounded up to whole 4 KB pages (a footprint rounded up to a power of two
 * would up to double the pages, the page-table lines and the TLB misses of a phase).
 */
public final class CalibrationCache {
  private static final long PAGE_BYTES = 4096;
  private static final CalibrationCache SHARED = new CalibrationCache(Calibrator.DEFAULT_BUDGET);
  private final ConcurrentHashMap<CalibrationKey, PatternCalibration> entries =
      new ConcurrentHashMap<>();
  private final long budgetAccesses;

  /** A cache whose calibrations simulate about {@code budgetAccesses} accesses each. */
  public CalibrationCache(long budgetAccesses) {
    this.budgetAccesses = budgetAccesses;
  }

  /** The process-wide cache. */
  public static CalibrationCache shared() {
    return SHARED;
  }

  /** The calibration of {@code pattern} on {@code node} with {@code options}. */
  public PatternCalibration get(NodeSpec node, SimulationOptions options, AccessPattern pattern) {
    AccessPattern bucketed = bucket(pattern);
    CalibrationKey key = new CalibrationKey(node, options.withCr3Interval(0), bucketed);
    return entries.computeIfAbsent(
        key, k -> Calibrator.calibrate(k.node(), k.options(), k.pattern(), budgetAccesses));
  }

  /** Number of calibrations held. */
  public int size() {
    return entries.size();
  }

  /** The pattern with its footprint rounded up to whole 4 KB pages. */
  static AccessPattern bucket(AccessPattern p) {
    long f = p.footprintBytes();
    long rounded = (f + PAGE_BYTES - 1) & -PAGE_BYTES;
    return rounded == f ? p : new AccessPattern(p.kind(), rounded, p.strideBytes());
  }
}
