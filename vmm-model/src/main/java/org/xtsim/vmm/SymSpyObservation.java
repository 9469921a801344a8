package org.xtsim.vmm;

/**
 * What the VMM observes of a running guest without an exit: the guest's own counters of address-
 * space switches and page-table updates, which a symbiotic guest publishes on its SymSpy page
 * (under nested paging the VMM intercepts neither), and the TLB miss rate from the core's
 * performance counters. Rates are per second of the guest's run time.
 *
 * @param cr3WritesPerSecond guest CR3 writes (context switches between address spaces)
 * @param pageTableWritesPerSecond guest writes to page-table entries (mapping changes)
 * @param tlbMissesPerSecond page walks (misses of every TLB level)
 */
public record SymSpyObservation(
    double cr3WritesPerSecond, double pageTableWritesPerSecond, double tlbMissesPerSecond) {
  /** Validates. */
  public SymSpyObservation {
    if (!(cr3WritesPerSecond >= 0 && pageTableWritesPerSecond >= 0 && tlbMissesPerSecond >= 0)) {
      throw new IllegalArgumentException("observed rates must be >= 0");
    }
  }

  /** Page-table updates of every kind the shadow tables must follow: CR3 and PTE writes. */
  public double updatesPerSecond() {
    return cr3WritesPerSecond + pageTableWritesPerSecond;
  }
}
