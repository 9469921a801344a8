package org.xtsim.vmm.tlb;

import org.xtsim.vmm.ExitCounts;
import org.xtsim.vmm.ExitType;

/**
 * Per-pattern cost coefficients measured by the {@link TlbSimulator} for one configuration (node,
 * paging mode, page sizes, ASID option, pattern, footprint, memory pressure). Immutable; shared by
 * every node of a run through {@link CalibrationCache}.
 *
 * @param tlbCyclesPerAccess steady-state translation cycles per reference (warm TLBs, no flushes)
 * @param missesPerAccess steady-state page walks per reference
 * @param referencesPerWalk steady-state memory references per walk
 * @param refillCyclesPerFlush extra translation cycles after a full TLB flush, until warm again
 * @param distinctPageCheckpoints accesses at which {@code distinctPages} was sampled (powers of 2)
 * @param distinctPages shadow-sized pages touched in the first {@code n} accesses after a discard
 * @param footprintPages shadow-sized pages of the footprint: no interval touches more
 * @param swap steady-state swap counts per access (faults, disk reads and writes, bypass hits)
 * @param swapExitsPerAccess steady-state exits per access caused by swapping
 */
public record PatternCalibration(
    double tlbCyclesPerAccess,
    double missesPerAccess,
    double referencesPerWalk,
    double refillCyclesPerFlush,
    long[] distinctPageCheckpoints,
    double[] distinctPages,
    double footprintPages,
    SwapRates swap,
    ExitCounts swapExitsPerAccess) {

  /**
   * Steady-state swap activity per memory reference.
   *
   * @param guestFaultsPerAccess guest swap-in faults
   * @param diskReadsPerAccess swap-disk reads the guest waits for
   * @param diskWritesPerAccess swap-disk writes reaching the disk
   * @param bypassHitsPerAccess swapped pages SwapBypass mapped from its cache (one SymCall each)
   */
  public record SwapRates(
      double guestFaultsPerAccess,
      double diskReadsPerAccess,
      double diskWritesPerAccess,
      double bypassHitsPerAccess) {
    /** No swapping. */
    public static final SwapRates NONE = new SwapRates(0, 0, 0, 0);
  }

  /**
   * Shadow pages touched in {@code accesses} references after the shadow tables were discarded:
   * linear interpolation between checkpoints, linear extrapolation beyond the last, never more than
   * the pages of the footprint (a refill cannot fault on pages that do not exist).
   */
  public double distinctPagesIn(double accesses) {
    return Math.min(footprintPages, measuredOrExtrapolated(accesses));
  }

  private double measuredOrExtrapolated(double accesses) {
    if (accesses <= 0 || distinctPageCheckpoints.length == 0) {
      return 0;
    }
    int last = distinctPageCheckpoints.length - 1;
    if (accesses >= distinctPageCheckpoints[last]) {
      double rate =
          last == 0
              ? distinctPages[0] / distinctPageCheckpoints[0]
              : (distinctPages[last] - distinctPages[last - 1])
                  / (distinctPageCheckpoints[last] - distinctPageCheckpoints[last - 1]);
      return distinctPages[last] + rate * (accesses - distinctPageCheckpoints[last]);
    }
    double prevN = 0;
    double prevD = 0;
    for (int i = 0; i <= last; i++) {
      if (accesses <= distinctPageCheckpoints[i]) {
        double f = (accesses - prevN) / (distinctPageCheckpoints[i] - prevN);
        return prevD + f * (distinctPages[i] - prevD);
      }
      prevN = distinctPageCheckpoints[i];
      prevD = distinctPages[i];
    }
    return distinctPages[last];
  }

  /** Swap-caused exits of {@code type} per access. */
  public double swapExitsPerAccess(ExitType type) {
    return swapExitsPerAccess.get(type);
  }
}
