package org.xtsim.node;

/**
 * An x86-64 page size and how many levels of the four-level page table a walk to it reads: 4 KB
 * pages end at the page table (4 levels), 2 MB pages at the page directory (3), 1 GB pages at the
 * page-directory-pointer table (2).
 */
public enum PageSize {
  /** 4 KB page: 4-level walk. */
  SIZE_4K(12, 4, "4KiB"),
  /** 2 MB page: 3-level walk. */
  SIZE_2M(21, 3, "2MiB"),
  /** 1 GB page: 2-level walk. */
  SIZE_1G(30, 2, "1GiB");

  private final int shift;
  private final int walkLevels;
  private final String label;

  PageSize(int shift, int walkLevels, String label) {
    this.shift = shift;
    this.walkLevels = walkLevels;
    this.label = label;
  }

  /** log2 of the page size in bytes. */
  public int shift() {
    return shift;
  }

  /** Page size in bytes. */
  public long bytes() {
    return 1L << shift;
  }

  /** Page-table levels a walk reads to reach a page of this size (native, no caching). */
  public int walkLevels() {
    return walkLevels;
  }

  /** The smaller of two page sizes: a guest page backed by smaller host pages is split. */
  public static PageSize min(PageSize a, PageSize b) {
    return a.shift <= b.shift ? a : b;
  }

  /** Parses {@code 4KiB}, {@code 2MiB}, {@code 1GiB} (also {@code 4K}, {@code 2M}, {@code 1G}). */
  public static PageSize parse(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace("IB", "").replace("B", "");
    switch (t) {
      case "4K":
        return SIZE_4K;
      case "2M":
        return SIZE_2M;
      case "1G":
        return SIZE_1G;
      default:
        throw new IllegalArgumentException(
            "page size must be one of 4KiB, 2MiB, 1GiB, was '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return label;
  }
}
