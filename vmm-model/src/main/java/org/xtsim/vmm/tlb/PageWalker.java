package org.xtsim.vmm.tlb;

import org.xtsim.node.PageSize;
import org.xtsim.node.TlbHierarchy;

/**
 * The page-table walker: counts the memory references of a walk, 1-D (native or shadow tables) or
 * 2-D (nested paging), with the page-walk cache (upper-level entries, so a walk can skip levels)
 * and the nested TLB (guest-physical to host-physical, so a nested walk can skip a host walk).
 *
 * <p>Without caches a 1-D walk to a page of {@code g} levels reads {@code g} entries; a 2-D walk
 * with {@code g} guest and {@code h} host levels reads {@code g × (h + 1) + h = (g+1)(h+1) − 1}
 * entries: each guest level needs the host translation of its table's guest-physical address
 * ({@code h} references) and the guest entry itself (1), and the data page's guest-physical address
 * needs a final host walk ({@code h}). 4 KB guest and host pages give 24.
 *
 * <p>Guest page-table pages get guest-physical addresses in a region of their own, one 4 KB page
 * per table, and host page-table pages host-physical addresses in another; data is identity-mapped
 * (guest-physically contiguous, as Catamount and Kitten map it), and guest-physical addresses are
 * host-physical ones. Each reference reads its 8-byte entry through the {@link DataCacheSimulator}
 * and costs the latency of the level it hits (DRAM latency on a miss in all), so a walk whose
 * entries stay in L2 costs far less than one that goes to memory.
 */
final class PageWalker {
  private static final long GUEST_SPACE = 0;
  private static final long HOST_SPACE = 1L << 56;
  private static final long GUEST_TABLE_REGION = 1L << 46;
  private static final long HOST_TABLE_REGION = 1L << 47;
  private static final long[] LEVEL_OFFSET = {0, 0, 1, 1 + 512, 1 + 512 + 512 * 512};
  private static final int ENTRY_SHIFT = 3;
  private static final long INDEX_MASK = 511;

  private final boolean nested;
  private final int guestLevels;
  private final int hostLevels;
  private final int hostShift;
  private final TranslationCache pwc;
  private final TranslationCache nestedTlb;
  private final DataCacheSimulator caches;
  private final int[] levelCycles;
  private final TranslationStats stats;

  /**
   * @param nested 2-D walks if true
   * @param guestPage leaf page size of the 1-D tables, or of the guest tables when nested
   * @param hostPage host page size (nested only)
   * @param tlb sizes of the page-walk cache and nested TLB
   * @param caches the data caches the entries are read through
   * @param levelCycles cost of a reference by the level it hits, DRAM last
   * @param stats where references and their cycles are counted
   */
  PageWalker(
      boolean nested,
      PageSize guestPage,
      PageSize hostPage,
      TlbHierarchy tlb,
      DataCacheSimulator caches,
      int[] levelCycles,
      TranslationStats stats) {
    this.nested = nested;
    this.guestLevels = guestPage.walkLevels();
    this.hostLevels = hostPage.walkLevels();
    this.hostShift = hostPage.shift();
    int pwcEntries = tlb.pageWalkCacheEntries();
    int ntlbEntries = tlb.nestedTlbEntries();
    this.pwc = TranslationCache.of(pwcEntries, pwcEntries);
    this.nestedTlb =
        nested
            ? TranslationCache.of(ntlbEntries, ntlbEntries)
            : TranslationCache.NullCache.INSTANCE;
    this.caches = caches;
    this.levelCycles = levelCycles.clone();
    this.stats = stats;
  }

  /** Bits of the address below the entry of {@code level} (1 = PML4 ... 4 = PTE). */
  private static int shift(int level) {
    return 12 + 9 * (4 - level);
  }

  private static long key(long space, int level, long address) {
    return space | ((long) level << 52) | (address >>> shift(level));
  }

  /** Address of the table of {@code level} that maps {@code address}, in {@code region}. */
  private static long table(long region, int level, long address) {
    long prefix = level == 1 ? 0 : address >>> shift(level - 1);
    return region + ((LEVEL_OFFSET[level] + prefix) << 12);
  }

  /** Address of the entry of {@code level} for {@code address}, tables in {@code region}. */
  private static long entry(long region, int level, long address) {
    return table(region, level, address)
        + (((address >>> shift(level)) & INDEX_MASK) << ENTRY_SHIFT);
  }

  /** Memory references to translate {@code va}; updates the walk caches and the counters. */
  int walk(long va) {
    return nested ? walk2d(va) : walk1d(GUEST_SPACE, GUEST_TABLE_REGION, va, guestLevels);
  }

  /** Empties the walk caches (TLB flush). */
  void flush() {
    pwc.flush();
    nestedTlb.flush();
  }

  /** One entry read at {@code address}: costs the latency of the cache level it hits. */
  private void read(long address) {
    int level = caches.walkReference(address);
    stats.walkReferences++;
    stats.walkReferencesByLevel[level]++;
    stats.translationCycles += levelCycles[level];
  }

  private int walk1d(long space, long region, long address, int levels) {
    int from = deepestCached(space, address, levels) + 1;
    for (int level = from; level <= levels; level++) {
      read(entry(region, level, address));
    }
    return levels - from + 1;
  }

  /**
   * The deepest non-leaf level whose entry the page-walk cache holds (0 if none); the entries of
   * the deeper levels, which the walk is about to read, are inserted on the way.
   */
  private int deepestCached(long space, long address, int levels) {
    for (int level = levels - 1; level >= 1; level--) {
      if (pwc.access(key(space, level, address))) {
        return level;
      }
    }
    return 0;
  }

  private int walk2d(long gva) {
    int cached = deepestCached(GUEST_SPACE, gva, guestLevels);
    int refs = 0;
    for (int level = cached + 1; level <= guestLevels; level++) {
      long tableGpa = table(GUEST_TABLE_REGION, level, gva);
      refs += hostTranslate(tableGpa) + 1;
      read(entry(GUEST_TABLE_REGION, level, gva));
    }
    return refs + hostTranslate(gva);
  }

  private int hostTranslate(long gpa) {
    if (nestedTlb.access(gpa >>> hostShift)) {
      return 0;
    }
    return walk1d(HOST_SPACE, HOST_TABLE_REGION, gpa, hostLevels);
  }
}
