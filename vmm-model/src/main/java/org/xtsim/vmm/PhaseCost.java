package org.xtsim.vmm;

import org.xtsim.node.CycleBreakdown;

/**
 * What a compute phase costs on a configured node.
 *
 * @param cycles the cycle breakdown
 * @param exits expected VM exits by type
 * @param mode the paging mode that ran it (the chosen one under {@link PagingMode#AUTOMATIC})
 * @param symCalls SymCall upcalls (SwapBypass lookups)
 * @param symSpyReads SymSpy reads (automatic mode selection)
 * @param diskReads swap-disk reads the guest waited for
 * @param diskWrites swap-disk writes that reached the disk
 */
public record PhaseCost(
    CycleBreakdown cycles,
    ExitCounts exits,
    PagingMode mode,
    double symCalls,
    double symSpyReads,
    double diskReads,
    double diskWrites) {}
