package org.xtsim.node;

import java.util.EnumSet;
import java.util.Set;

/**
 * One TLB array: its entry count, associativity and the page sizes it holds.
 *
 * @param name label used in reports, e.g. {@code "L1 DTLB"}
 * @param entries number of entries, &gt; 0
 * @param ways associativity; {@code ways == entries} is fully associative
 * @param pageSizes page sizes whose translations this array holds
 */
public record TlbStructure(String name, int entries, int ways, Set<PageSize> pageSizes) {
  /** Validates and copies the page-size set. */
  public TlbStructure {
    if (entries <= 0 || ways <= 0 || ways > entries || entries % ways != 0) {
      throw new IllegalArgumentException(
          name + ": entries must be > 0 and a multiple of ways, was " + entries + "/" + ways);
    }
    if (pageSizes.isEmpty()) {
      throw new IllegalArgumentException(name + ": needs at least one page size");
    }
    pageSizes = Set.copyOf(EnumSet.copyOf(pageSizes));
  }

  /** A fully associative array. */
  public static TlbStructure fullyAssociative(String name, int entries, PageSize... sizes) {
    return new TlbStructure(name, entries, entries, EnumSet.of(sizes[0], sizes));
  }

  /** A set-associative array. */
  public static TlbStructure setAssociative(String name, int entries, int ways, PageSize... sizes) {
    return new TlbStructure(name, entries, ways, EnumSet.of(sizes[0], sizes));
  }

  /** Number of sets. */
  public int sets() {
    return entries / ways;
  }

  /** Whether this array holds translations of the given page size. */
  public boolean holds(PageSize size) {
    return pageSizes.contains(size);
  }

  /** Bytes of address space this array maps when full of {@code size} pages. */
  public long reachBytes(PageSize size) {
    return holds(size) ? entries * size.bytes() : 0;
  }
}
