package org.xtsim.node;

import java.util.List;
import java.util.Optional;

/**
 * The data-TLB hierarchy of a core and its page-walk caches.
 *
 * <p>A lookup tries the L1 array that holds the page size, then the L2 array that holds it (an L2
 * hit costs {@code l2HitCycles} and refills L1), then walks the page table. The page-walk cache
 * (PWC) keeps upper-level (non-leaf) page-table entries so a walk can skip levels; the nested TLB
 * keeps guest-physical to host-physical translations so a nested walk can skip host walks.
 *
 * @param l1 first-level arrays (one per page-size group, or one for all sizes)
 * @param l2 second-level arrays; a page size may have none
 * @param l2HitCycles cycles added by an L1 miss that hits in L2
 * @param pageWalkCacheEntries entries of the page-walk cache; 0 disables it
 * @param nestedTlbEntries entries of the nested TLB (gPA to hPA); 0 disables it
 */
public record TlbHierarchy(
    List<TlbStructure> l1,
    List<TlbStructure> l2,
    int l2HitCycles,
    int pageWalkCacheEntries,
    int nestedTlbEntries) {
  /** Validates and copies. */
  public TlbHierarchy {
    l1 = List.copyOf(l1);
    l2 = List.copyOf(l2);
    if (l2HitCycles < 0 || pageWalkCacheEntries < 0 || nestedTlbEntries < 0) {
      throw new IllegalArgumentException("TLB cycle and entry counts must be >= 0");
    }
  }

  /** The L1 array holding {@code size}, if any. */
  public Optional<TlbStructure> l1For(PageSize size) {
    return l1.stream().filter(t -> t.holds(size)).findFirst();
  }

  /** The L2 array holding {@code size}, if any. */
  public Optional<TlbStructure> l2For(PageSize size) {
    return l2.stream().filter(t -> t.holds(size)).findFirst();
  }

  /** Whether the core can map pages of this size at all. */
  public boolean supports(PageSize size) {
    return l1For(size).isPresent();
  }

  /** The largest reach (bytes mapped without a walk) for {@code size} pages, L1 or L2. */
  public long reachBytes(PageSize size) {
    long r1 = l1For(size).map(t -> t.reachBytes(size)).orElse(0L);
    long r2 = l2For(size).map(t -> t.reachBytes(size)).orElse(0L);
    return Math.max(r1, r2);
  }

  /** A copy with the page-walk cache and nested TLB resized (0 disables). */
  public TlbHierarchy withWalkCaches(int pwcEntries, int ntlbEntries) {
    return new TlbHierarchy(l1, l2, l2HitCycles, pwcEntries, ntlbEntries);
  }
}
