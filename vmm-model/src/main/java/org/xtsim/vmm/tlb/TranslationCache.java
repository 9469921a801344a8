package org.xtsim.vmm.tlb;

/**
 * An LRU cache of {@code long} keys (page numbers, tagged page-walk entries): the building block of
 * TLBs, page-walk caches, the nested TLB and the LRU page lists of the swap model. Keys must be
 * non-negative. Allocation-free after construction.
 */
public interface TranslationCache {
  /** Returned by {@link #insert} when nothing was evicted. */
  long NONE = -1L;

  /** Whether {@code key} is present; a hit makes it most recently used. */
  boolean lookup(long key);

  /** Inserts {@code key} as most recently used; returns the evicted key or {@link #NONE}. */
  long insert(long key);

  /**
   * Looks {@code key} up and inserts it on a miss: after the call it is most recently used. Returns
   * whether it was present.
   */
  default boolean access(long key) {
    if (lookup(key)) {
      return true;
    }
    insert(key);
    return false;
  }

  /** Removes {@code key} if present (INVLPG, swap-out); returns whether it was present. */
  boolean invalidate(long key);

  /** Empties the cache. */
  void flush();

  /** Number of entries. */
  int capacity();

  /** An array of {@code entries} entries with {@code ways} ways; 0 entries gives a null cache. */
  static TranslationCache of(int entries, int ways) {
    if (entries == 0) {
      return NullCache.INSTANCE;
    }
    if (ways == entries && entries > 8) {
      return entries < 128
          ? new SmallFullyAssociativeLru(entries)
          : new FullyAssociativeLru(entries);
    }
    return new SetAssociativeLru(entries, ways);
  }

  /** A cache of size zero: never hits. */
  enum NullCache implements TranslationCache {
    /** The only instance. */
    INSTANCE;

    @Override
    public boolean lookup(long key) {
      return false;
    }

    @Override
    public long insert(long key) {
      return key;
    }

    @Override
    public boolean invalidate(long key) {
      return false;
    }

    @Override
    public void flush() {}

    @Override
    public int capacity() {
      return 0;
    }
  }
}
