package org.xtsim.vmm;

/**
 * Costs of the symbiotic interface. SymSpy: the VMM reads guest state from a shared page, no exit.
 * SymCall: a synchronous upcall into the guest — one world switch in and out, VMM-side setup and
 * the guest handler (and a TLB refill when VMRUN flushes).
 *
 * @param symSpyReadCycles cycles to read a SymSpy value
 * @param symCallVmmCycles VMM-side cycles to set up and finish a SymCall
 * @param symCallGuestCycles guest handler cycles of a SymCall (e.g. SwapBypass's MEM_LOOKUP)
 */
public record SymbioticCosts(
    long symSpyReadCycles, long symCallVmmCycles, long symCallGuestCycles) {
  /** Defaults, all <em>assumptions</em>: 50, 500 and 2,000 cycles. */
  public static final SymbioticCosts DEFAULTS = new SymbioticCosts(50, 500, 2_000);

  /** Validates. */
  public SymbioticCosts {
    if (symSpyReadCycles < 0 || symCallVmmCycles < 0 || symCallGuestCycles < 0) {
      throw new IllegalArgumentException("symbiotic costs must be >= 0");
    }
  }

  /** Cycles of one SymCall, given the world-switch cost and the refill after VMRUN. */
  public double symCallCycles(long worldSwitchCycles, double refillCycles) {
    return worldSwitchCycles + symCallVmmCycles + symCallGuestCycles + refillCycles;
  }
}
