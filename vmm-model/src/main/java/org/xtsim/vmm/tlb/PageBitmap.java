package org.xtsim.vmm.tlb;

/**
 * One bit per page of a region, with O(1) clearing by generation (a shadow page table discarded on
 * a CR3 write): a word is valid only if its generation is the current one.
 */
final class PageBitmap {
  private final long[] words;
  private final int[] generation;
  private int current = 1;

  PageBitmap(long pages) {
    int n = (int) Math.min(Integer.MAX_VALUE - 8, (pages + 63) >>> 6);
    words = new long[Math.max(1, n)];
    generation = new int[words.length];
  }

  /** Sets the bit of {@code page}; returns whether it was clear. */
  boolean set(long page) {
    int w = (int) ((page >>> 6) % words.length);
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
    int w = (int) ((page >>> 6) % words.length);
    return generation[w] == current && (words[w] & (1L << page)) != 0;
  }

  void clear(long page) {
    int w = (int) ((page >>> 6) % words.length);
    if (generation[w] == current) {
      words[w] &= ~(1L << page);
    }
  }

  void clearAll() {
    current++;
  }
}
