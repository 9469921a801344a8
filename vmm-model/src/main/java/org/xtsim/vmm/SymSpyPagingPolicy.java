package org.xtsim.vmm;

/**
 * The paging policy of {@code vmm: automatic}: from what it observes through SymSpy ({@link
 * SymSpyObservation}), the VMM runs the guest under shadow paging when the guest's page tables are
 * nearly static and it misses the TLB often, and under nested paging otherwise.
 *
 * <p>Why: shadow paging walks 1-D tables on a TLB miss (at most 4 references against up to 24 for a
 * nested 2-D walk), but pays an exit for every CR3 write and page-table update it must follow, and
 * under the virtual-TLB strategy refills its discarded tables with a #PF exit per page touched
 * after each CR3 write; nested paging takes no such exits. So shadow wins when updates are rare and
 * misses frequent: Lange et al. (VEE 2011) ran Catamount, whose page tables never change, best
 * under shadow paging and CNL, which switches address spaces, best under nested paging, and named
 * workload-sensitive selection of the paging mechanism, informed symbiotically, one of their three
 * techniques. Wang et al. ("Selective hardware/software memory virtualization", VEE 2011) switch
 * between the two at run time on the same two signals (TLB misses, guest page-table faults).
 *
 * @param maxUpdatesPerSecond the most CR3 and page-table writes per second under which shadow
 *     paging is still chosen
 * @param minTlbMissesPerSecond the fewest TLB misses per second for which shadow paging is chosen
 *     (below it the 2-D walks cost too little to be worth any exit)
 */
public record SymSpyPagingPolicy(double maxUpdatesPerSecond, double minTlbMissesPerSecond) {
  /** Default most updates per second for shadow paging: see {@link VmmParams#AUTO_MAX_UPDATES}. */
  public static final double DEFAULT_MAX_UPDATES_PER_SECOND = 100;

  /** Default fewest TLB misses per second: see {@link VmmParams#AUTO_MIN_TLB_MISSES}. */
  public static final double DEFAULT_MIN_TLB_MISSES_PER_SECOND = 100_000;

  /** The defaults. */
  public static final SymSpyPagingPolicy DEFAULTS =
      new SymSpyPagingPolicy(DEFAULT_MAX_UPDATES_PER_SECOND, DEFAULT_MIN_TLB_MISSES_PER_SECOND);

  /** Validates. */
  public SymSpyPagingPolicy {
    if (!(maxUpdatesPerSecond >= 0 && minTlbMissesPerSecond >= 0)) {
      throw new IllegalArgumentException("paging policy thresholds must be >= 0");
    }
  }

  /** {@link PagingMode#SHADOW} or {@link PagingMode#NESTED} for what the VMM observed. */
  public PagingMode choose(SymSpyObservation seen) {
    boolean staticTables = seen.updatesPerSecond() <= maxUpdatesPerSecond;
    boolean missesOften = seen.tlbMissesPerSecond() >= minTlbMissesPerSecond;
    return staticTables && missesOften ? PagingMode.SHADOW : PagingMode.NESTED;
  }
}
