package org.xtsim.vmm.tlb;

import org.xtsim.node.PageSize;
import org.xtsim.vmm.PagingMode;
import org.xtsim.vmm.SwapConfig;

/**
 * What the TLB simulator models besides the node's TLBs.
 *
 * @param mode paging mode (not one chosen per phase, {@link PagingMode#selectsPerPhase()}: the
 *     simulator runs one mode)
 * @param guestPage page size of the guest's (or native OS's) page tables
 * @param hostPage page size of the VMM's host mappings (ignored when native)
 * @param flushTlbOnVmrun whether each exit flushes the TLB and walk caches (no ASIDs)
 * @param cr3IntervalAccesses guest CR3 writes every this many accesses; 0 for none
 * @param swap guest memory pressure and SwapBypass cache
 */
public record SimulationOptions(
    PagingMode mode,
    PageSize guestPage,
    PageSize hostPage,
    boolean flushTlbOnVmrun,
    long cr3IntervalAccesses,
    SwapConfig swap) {
  /** Validates. */
  public SimulationOptions {
    if (mode.selectsPerPhase()) {
      throw new IllegalArgumentException("the simulator runs one paging mode, not " + mode);
    }
    if (cr3IntervalAccesses < 0) {
      throw new IllegalArgumentException("cr3IntervalAccesses must be >= 0");
    }
  }

  /** Options for {@code mode} with static page tables and no memory pressure. */
  public static SimulationOptions of(PagingMode mode, PageSize guestPage, PageSize hostPage) {
    return new SimulationOptions(mode, guestPage, hostPage, true, 0, SwapConfig.NONE);
  }

  /** The page size the TLB caches: a guest page backed by smaller host pages is split. */
  public PageSize tlbPage() {
    return mode == PagingMode.NATIVE ? guestPage : PageSize.min(guestPage, hostPage);
  }

  /** A copy with guest CR3 writes every {@code accesses} accesses. */
  public SimulationOptions withCr3Interval(long accesses) {
    return new SimulationOptions(mode, guestPage, hostPage, flushTlbOnVmrun, accesses, swap);
  }

  /** A copy with memory pressure. */
  public SimulationOptions withSwap(SwapConfig newSwap) {
    return new SimulationOptions(
        mode, guestPage, hostPage, flushTlbOnVmrun, cr3IntervalAccesses, newSwap);
  }

  /** A copy with (false) or without (true) a TLB flush on every VMRUN. */
  public SimulationOptions withFlushTlbOnVmrun(boolean flush) {
    return new SimulationOptions(mode, guestPage, hostPage, flush, cr3IntervalAccesses, swap);
  }
}
