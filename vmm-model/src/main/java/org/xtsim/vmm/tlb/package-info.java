/**
 * The cycle-level TLB and page-walk simulator and its calibrations.
 *
 * <pre>
 *  AddressStream ──► L1 DTLB ──► L2 DTLB ──► VMM on a miss ──────────► PageWalker
 *  (sequential,      (exact LRU  (set-assoc,  shadow fill #PF, NPF on     1-D: native/shadow tables
 *   strided, stencil, arrays)     LRU)        first touch, guest swap     2-D: nested, (g+1)(h+1)-1
 *   random, SpMV,                             fault / SwapBypass SymCall)  refs, less with PWC and
 *   cell gathers)                                                          nested TLB
 *        │                                                                     │ each entry read
 *        └──────────── data references ──► DataCacheSimulator ◄────────────────┘
 *                                          (exclusive L1/L2/L3 share; a walk reference costs
 *                                           the latency of the level it hits, or DRAM's)
 * </pre>
 *
 * <p>{@link org.xtsim.vmm.tlb.TlbSimulator} counts hits, misses, walk references, cycles and exits;
 * {@link org.xtsim.vmm.tlb.Calibrator} turns runs into a {@link
 * org.xtsim.vmm.tlb.PatternCalibration} (steady-state cycles per access, refill per flush, the
 * distinct-page curve for shadow refills, swap rates) kept in a shared {@link
 * org.xtsim.vmm.tlb.CalibrationCache}. All arrays are exact LRU ({@link
 * org.xtsim.vmm.tlb.TranslationCache}) and allocate nothing per access.
 */
package org.xtsim.vmm.tlb;
