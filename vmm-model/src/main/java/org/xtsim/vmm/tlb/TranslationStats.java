package org.xtsim.vmm.tlb;

import java.util.Arrays;
import java.util.Locale;
import org.xtsim.vmm.ExitCounts;

/** Counters of a TLB-simulator run. Mutable, filled by {@link TlbSimulator}. */
public final class TranslationStats {
  /** Most data-cache levels a node may have. */
  static final int MAX_CACHE_LEVELS = 7;

  long accesses;
  long l1Hits;
  long l2Hits;
  long walks;
  long walkReferences;

  /** Walk references by where they hit: index 0 = L1 ... then DRAM after the last cache level. */
  final long[] walkReferencesByLevel = new long[MAX_CACHE_LEVELS + 1];

  long translationCycles;
  long tlbFlushes;
  long cr3Writes;
  long shadowFills;
  long nestedFaults;
  long guestSwapFaults;
  long zeroFills;
  long diskReads;
  long diskWrites;
  long bypassHits;
  long symCalls;
  final ExitCounts exits = new ExitCounts();

  /** Address translations simulated. */
  public long accesses() {
    return accesses;
  }

  /** L1 DTLB hits. */
  public long l1Hits() {
    return l1Hits;
  }

  /** L1 misses that hit in L2. */
  public long l2Hits() {
    return l2Hits;
  }

  /** Misses in every TLB level: page walks. */
  public long tlbMisses() {
    return walks;
  }

  /** Memory references made by page walks. */
  public long walkReferences() {
    return walkReferences;
  }

  /**
   * Walk references that hit cache level {@code level} (0 = L1); {@code level} = the number of
   * cache levels counts those that went to DRAM.
   */
  public long walkReferencesAt(int level) {
    return walkReferencesByLevel[level];
  }

  /** Mean memory references per walk. */
  public double referencesPerWalk() {
    return walks == 0 ? 0 : walkReferences / (double) walks;
  }

  /** Cycles of translation: L2 TLB hits plus walk references, each at its cache level's cost. */
  public long translationCycles() {
    return translationCycles;
  }

  /** Translation cycles per access. */
  public double cyclesPerAccess() {
    return accesses == 0 ? 0 : translationCycles / (double) accesses;
  }

  /** Full TLB flushes (guest CR3 writes and VMRUNs without ASIDs). */
  public long tlbFlushes() {
    return tlbFlushes;
  }

  /** Guest CR3 writes. */
  public long cr3Writes() {
    return cr3Writes;
  }

  /** Shadow page-table fills (each a #PF exit). */
  public long shadowFills() {
    return shadowFills;
  }

  /** Nested page faults on first touch of a host page. */
  public long nestedFaults() {
    return nestedFaults;
  }

  /** Guest page faults on swapped-out or never-touched pages. */
  public long guestSwapFaults() {
    return guestSwapFaults;
  }

  /** Guest faults on never-touched pages (zero fill, no disk). */
  public long zeroFills() {
    return zeroFills;
  }

  /** Swap-disk reads (swap-ins the guest waits for). */
  public long diskReads() {
    return diskReads;
  }

  /** Swap-disk writes that reach the physical disk. */
  public long diskWrites() {
    return diskWrites;
  }

  /** Swapped pages mapped by SwapBypass straight from its cache. */
  public long bypassHits() {
    return bypassHits;
  }

  /** SymCall upcalls. */
  public long symCalls() {
    return symCalls;
  }

  /** VM exits by type. */
  public ExitCounts exits() {
    return exits;
  }

  /** Clears every counter. */
  public void reset() {
    accesses = 0;
    l1Hits = 0;
    l2Hits = 0;
    walks = 0;
    walkReferences = 0;
    Arrays.fill(walkReferencesByLevel, 0);
    translationCycles = 0;
    tlbFlushes = 0;
    cr3Writes = 0;
    shadowFills = 0;
    nestedFaults = 0;
    guestSwapFaults = 0;
    zeroFills = 0;
    diskReads = 0;
    diskWrites = 0;
    bypassHits = 0;
    symCalls = 0;
    exits.addAll(exits, -1);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "accesses=%d l1Hits=%d l2Hits=%d misses=%d refs/walk=%.3f cycles/access=%.4f exits=%s",
        accesses,
        l1Hits,
        l2Hits,
        walks,
        referencesPerWalk(),
        cyclesPerAccess(),
        exits);
  }
}
