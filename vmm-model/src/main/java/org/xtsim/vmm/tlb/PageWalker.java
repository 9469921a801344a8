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
 * per table; data is identity-mapped (guest-physically contiguous, as Catamount and Kitten map it).
 */
final class PageWalker {
  private static final long GUEST_SPACE = 0;
  private static final long HOST_SPACE = 1L << 56;
  private static final long TABLE_REGION = 1L << 46;
  private static final long[] LEVEL_OFFSET = {0, 0, 1, 1 + 512, 1 + 512 + 512 * 512};

  private final boolean nested;
  private final int guestLevels;
  private final int hostLevels;
  private final int hostShift;
  private final TranslationCache pwc;
  private final TranslationCache nestedTlb;

  /**
   * @param nested 2-D walks if true
   * @param guestPage leaf page size of the 1-D tables, or of the guest tables when nested
   * @param hostPage host page size (nested only)
   * @param tlb sizes of the page-walk cache and nested TLB
   */
  PageWalker(boolean nested, PageSize guestPage, PageSize hostPage, TlbHierarchy tlb) {
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
  }

  /** Bits of the address below the entry of {@code level} (1 = PML4 ... 4 = PTE). */
  private static int shift(int level) {
    return 12 + 9 * (4 - level);
  }

  private static long key(long space, int level, long address) {
    return space | ((long) level << 52) | (address >>> shift(level));
  }

  /** Memory references to translate {@code va}; updates the walk caches. */
  int walk(long va) {
    return nested ? walk2d(va) : walk1d(GUEST_SPACE, va, guestLevels);
  }

  /** Empties the walk caches (TLB flush). */
  void flush() {
    pwc.flush();
    nestedTlb.flush();
  }

  private int walk1d(long space, long address, int levels) {
    return levels - deepestCached(space, address, levels);
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
      long prefix = level == 1 ? 0 : gva >>> shift(level - 1);
      long tableGpa = TABLE_REGION + ((LEVEL_OFFSET[level] + prefix) << 12);
      refs += hostTranslate(tableGpa) + 1;
    }
    return refs + hostTranslate(gva);
  }

  private int hostTranslate(long gpa) {
    if (nestedTlb.access(gpa >>> hostShift)) {
      return 0;
    }
    return walk1d(HOST_SPACE, gpa, hostLevels);
  }
}
