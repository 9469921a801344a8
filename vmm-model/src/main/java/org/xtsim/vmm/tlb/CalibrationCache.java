package org.xtsim.vmm.tlb;

import java.util.concurrent.ConcurrentHashMap;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.NodeSpec;

/**
 * Calibrations computed once per configuration and shared by all nodes and threads. Footprints are
 * bucketed to the next power of two (unless the guest swaps, where the footprint-to-memory ratio
 * matters), so a run with many slightly different phases calibrates a handful of times.
 */
public final class CalibrationCache {
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
    AccessPattern bucketed =
        options.swap().swaps(pattern.footprintBytes()) ? pattern : bucket(pattern);
    CalibrationKey key = new CalibrationKey(node, options.withCr3Interval(0), bucketed);
    return entries.computeIfAbsent(
        key, k -> Calibrator.calibrate(k.node(), k.options(), k.pattern(), budgetAccesses));
  }

  /** Number of calibrations held. */
  public int size() {
    return entries.size();
  }

  static AccessPattern bucket(AccessPattern p) {
    long f = p.footprintBytes();
    long b = Long.highestOneBit(f);
    if (b != f) {
      b <<= 1;
    }
    return new AccessPattern(p.kind(), b, p.strideBytes());
  }
}
