package org.xtsim.node;

import org.xtsim.engine.SimTime;

/**
 * Where a compute phase's cycles go. The parts are additive (no overlap between compute and memory
 * is assumed), so {@link #total()} is their sum.
 *
 * @param compute cycles retiring flops
 * @param memory cycles waiting on DRAM (bandwidth or latency bound)
 * @param tlb cycles of address translation: L2 TLB hits, page walks, refills after flushes
 * @param vmm cycles in the VMM: world switches, exit handlers, refills after VMRUN, symbiotic calls
 * @param io cycles blocked on I/O the phase causes (swap-disk latency)
 */
public record CycleBreakdown(double compute, double memory, double tlb, double vmm, double io) {
  /** Nothing. */
  public static final CycleBreakdown ZERO = new CycleBreakdown(0, 0, 0, 0, 0);

  /** Sum of the parts. */
  public double total() {
    return compute + memory + tlb + vmm + io;
  }

  /** The phase's duration at {@code clockHz}, in picoseconds. */
  public long durationPs(double clockHz) {
    return SimTime.fromCycles(total(), clockHz);
  }
}
