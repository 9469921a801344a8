package org.xtsim.vmm.tlb;

/**
 * One bit per page of a region (pages 0 to the size given), with O(1) clearing by generation (a
 * shadow page table discarded on a CR3 write): a word is valid only if its generation is the
 * current one.
 */
final class PageBitmap {
  private final long[] words;
  private final int[] generation;
  private int current = 1;

  PageBitmap(long pages) {
    long n = (pages >>> 6) + 1;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many pages for a bitmap: " + pages);
    }
    words = new long[(int) n];
    generation = new int[words.length];
  }

  /** Sets the bit of {@code page}; returns whether it was clear. */
  boolean set(long page) {
    int w = (int) (page >>> 6);
    if (generation[w] != current) {
      generation[w] = current;
      words[w] = 0;
    }
    long bit = 1L << page;
    boolean wasClear = (words[w] & bit) == 0;
    words[w] |= bit;
    return wasClear;
  }

  boolean get(long page) {
    int w = (int) (page >>> 6);
    return generation[w] == current && (words[w] & (1L << page)) != 0;
  }

  void clear(long page) {
    int w = (int) (page >>> 6);
    if (generation[w] == current) {
      words[w] &= ~(1L << page);
    }
  }

  void clearAll() {
    current++;
  }
}
