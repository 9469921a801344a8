package org.xtsim.vmm.tlb;

import java.util.List;
import org.xtsim.node.CacheLevel;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.node.TlbHierarchy;
import org.xtsim.node.TlbStructure;
import org.xtsim.vmm.ExitType;
import org.xtsim.vmm.PagingMode;
import org.xtsim.vmm.SwapConfig;

/**
 * The cycle-level TLB and page-walk simulator: runs a synthetic address stream through the node's
 * TLB hierarchy and the page walker of the chosen paging mode, and through the VMM's shadow-page,
 * nested-fault and swap machinery, counting hits, misses, walk references, cycles and exits.
 *
 * <p>Per access: the L1 DTLB (the last page is remembered, as it is always most recently used),
 * then the L2 DTLB (costs {@code l2HitCycles}), then a walk, each of whose references costs the
 * latency of the data-cache level it hits (the node's {@link org.xtsim.node.CacheHierarchy}) or the
 * DRAM latency; the data references go through the same caches, so page-table lines compete with
 * the data for room. On a miss the VMM may exit first: a shadow fill (#PF) when the shadow entry is
 * missing, a nested page fault (NPF) on the first touch of a host page, a guest swap fault. Every
 * exit flushes the TLB and walk caches unless ASIDs are used. Guest page residency for the swap
 * model is updated on TLB misses, which approximates an OS that sees accesses through accessed bits
 * rather than every reference.
 *
 * <p>Not thread-safe; allocation-free once built.
 */
public final class TlbSimulator {
  private final SimulationOptions options;
  private final PagingMode mode;
  private final int tlbShift;
  private final int hostShift;
  private final TranslationCache l1;
  private final TranslationCache l2;
  private final int l2HitCycles;
  private final DataCacheSimulator caches;
  private final PageWalker walker;
  private final PageBitmap shadow;
  private final PageBitmap hostTouched;
  private final boolean swapping;
  private final boolean bypass;
  private final SwapConfig swap;
  private final TranslationCache guestMemory;
  private final TranslationCache bypassCache;
  private final PageBitmap swappedOut;
  private final TranslationStats stats = new TranslationStats();
  private long lastPage = -1;
  private long sinceCr3;

  /**
   * A simulator for {@code node} with {@code options}, for address streams over at most {@code
   * footprintBytes}.
   *
   * @throws IllegalArgumentException if the node cannot map the page sizes, or swapping is asked
   *     for with guest pages other than 4 KB
   */
  public TlbSimulator(NodeSpec node, SimulationOptions options, long footprintBytes) {
    this.options = options;
    this.mode = options.mode();
    PageSize tlbPage = options.tlbPage();
    TlbHierarchy tlb = node.tlb();
    for (PageSize p : new PageSize[] {options.guestPage(), tlbPage}) {
      if (!tlb.supports(p)) {
        throw new IllegalArgumentException(
            "preset " + node.name() + " has no TLB entries for " + p + " pages");
      }
    }
    if (mode != PagingMode.NATIVE && !tlb.supports(options.hostPage())) {
      throw new IllegalArgumentException(
          "preset " + node.name() + " has no TLB entries for " + options.hostPage() + " pages");
    }
    this.tlbShift = tlbPage.shift();
    this.hostShift = options.hostPage().shift();
    this.l1 = cache(tlb.l1For(tlbPage).orElseThrow());
    this.l2 =
        tlb.l2For(tlbPage).map(TlbSimulator::cache).orElse(TranslationCache.NullCache.INSTANCE);
    this.l2HitCycles = tlb.l2HitCycles();
    this.caches = new DataCacheSimulator(node.caches());
    boolean nested = mode == PagingMode.NESTED;
    this.walker =
        new PageWalker(
            nested,
            nested ? options.guestPage() : tlbPage,
            options.hostPage(),
            tlb,
            caches,
            levelCycles(node),
            stats);
    this.shadow = mode.shadow() ? new PageBitmap(footprintBytes >>> tlbShift) : null;
    this.hostTouched = nested ? new PageBitmap(footprintBytes >>> hostShift) : null;
    this.swap = options.swap();
    this.swapping = swap.swaps(footprintBytes);
    this.bypass = swapping && mode == PagingMode.SWAPBYPASS && swap.cachePages() > 0;
    if (swapping && tlbPage != PageSize.SIZE_4K) {
      throw new IllegalArgumentException(
          "swapping is modelled for 4KiB guest and host pages only, was "
              + options.guestPage()
              + "/"
              + options.hostPage());
    }
    this.guestMemory = swapping ? new FullyAssociativeLru(swap.guestPages()) : null;
    this.bypassCache = bypass ? new FullyAssociativeLru(swap.cachePages()) : null;
    this.swappedOut = swapping ? new PageBitmap(footprintBytes >>> 12) : null;
  }

  /** Cost of a walk reference by where it hits: each cache level's latency, then DRAM's. */
  static int[] levelCycles(NodeSpec node) {
    List<CacheLevel> levels = node.caches().levels();
    if (levels.size() > TranslationStats.MAX_CACHE_LEVELS) {
      throw new IllegalArgumentException("at most 7 cache levels, was " + levels.size());
    }
    int[] cycles = new int[levels.size() + 1];
    for (int i = 0; i < levels.size(); i++) {
      cycles[i] = levels.get(i).hitCycles();
    }
    cycles[levels.size()] = (int) Math.round(node.memoryLatencyCycles());
    return cycles;
  }

  private static TranslationCache cache(TlbStructure s) {
    return TranslationCache.of(s.entries(), s.ways());
  }

  /** The counters so far. */
  public TranslationStats stats() {
    return stats;
  }

  /** The options this simulator runs with. */
  public SimulationOptions options() {
    return options;
  }

  /** Runs {@code accesses} addresses of {@code stream}, adding to the counters. */
  public void run(AddressStream stream, long accesses) {
    long cr3Interval = options.cr3IntervalAccesses();
    for (long i = 0; i < accesses; i++) {
      if (cr3Interval > 0 && ++sinceCr3 >= cr3Interval) {
        sinceCr3 = 0;
        cr3Write();
      }
      long va = stream.next();
      caches.data(va);
      long page = va >>> tlbShift;
      if (page == lastPage) {
        stats.l1Hits++;
        continue;
      }
      lastPage = page;
      // Fused look-up-and-fill: on a miss the entry is filled now, as it would be after the walk.
      if (l1.access(page)) {
        stats.l1Hits++;
      } else if (l2.access(page)) {
        stats.l2Hits++;
        stats.translationCycles += l2HitCycles;
      } else {
        miss(va, page);
      }
    }
    stats.accesses += accesses;
  }

  /**
   * A guest CR3 write: the TLB is flushed (non-global entries); under shadow paging it exits, and
   * the virtual-TLB strategy discards the shadow tables.
   */
  public void cr3Write() {
    stats.cr3Writes++;
    if (mode.shadow()) {
      stats.exits.add(ExitType.CR3, 1);
      if (mode.discardsOnCr3()) {
        shadow.clearAll();
      }
    }
    flushTlb();
  }

  /** Flushes the TLB and the walk caches. */
  public void flushTlb() {
    stats.tlbFlushes++;
    l1.flush();
    l2.flush();
    walker.flush();
    lastPage = -1;
  }

  private void miss(long va, long page) {
    stats.walks++;
    int exits = 0;
    if (swapping) {
      exits += swapCheck(va >>> 12, page);
    }
    if (shadow != null && shadow.set(page)) {
      stats.shadowFills++;
      stats.exits.add(ExitType.PF, 1);
      exits++;
    }
    if (hostTouched != null && hostTouched.set(va >>> hostShift)) {
      stats.nestedFaults++;
      stats.exits.add(ExitType.NPF, 1);
      exits++;
    }
    if (exits > 0 && options.flushTlbOnVmrun()) {
      flushTlb();
      lastPage = page;
      l2.insert(page);
      l1.insert(page);
    }
    walker.walk(va);
  }

  /** Guest residency of 4 KB page {@code gp}; returns the number of exits it caused. */
  private int swapCheck(long gp, long page) {
    if (guestMemory.lookup(gp)) {
      return 0;
    }
    if (bypass && bypassCache.lookup(gp)) {
      if (!shadow.get(page)) {
        stats.bypassHits++;
        stats.symCalls++;
      }
      return 0;
    }
    int exits = 0;
    stats.guestSwapFaults++;
    if (mode.shadow()) {
      stats.exits.add(ExitType.PF, 1); // the #PF is reflected into the guest
      exits++;
    }
    if (swappedOut.get(gp)) {
      swappedOut.clear(gp);
      stats.diskReads++;
      stats.exits.add(ExitType.IOIO, swap.exitsPerDiskRequest());
      exits += swap.exitsPerDiskRequest();
    } else {
      stats.zeroFills++;
    }
    long victim = guestMemory.insert(gp);
    if (victim != TranslationCache.NONE) {
      exits += swapOut(victim);
    }
    return exits;
  }

  private int swapOut(long victim) {
    int exits = swap.exitsPerDiskRequest();
    stats.exits.add(ExitType.IOIO, exits);
    swappedOut.set(victim);
    exits += unmap(victim);
    if (bypass) {
      long dropped = bypassCache.insert(victim);
      if (dropped != TranslationCache.NONE) {
        stats.diskWrites++;
        unmap(dropped);
      }
    } else {
      stats.diskWrites++;
    }
    return exits;
  }

  /** The guest unmaps a 4 KB page: INVLPG (an exit under shadow paging). */
  private int unmap(long gp) {
    l1.invalidate(gp);
    l2.invalidate(gp);
    if (lastPage == gp) {
      lastPage = -1;
    }
    if (mode.shadow()) {
      shadow.clear(gp);
      stats.exits.add(ExitType.INVLPG, 1);
      return 1;
    }
    return 0;
  }
}
