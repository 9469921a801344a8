package org.xtsim.vmm.tlb;

import java.util.Arrays;

/**
 * A set-associative LRU array: the set is the key modulo the number of sets (low page-number bits,
 * as hardware indexes TLBs); each set keeps its ways in recency order, most recent first, so LRU is
 * exact and a hit moves its entry to the front.
 */
public final class SetAssociativeLru implements TranslationCache {
  private static final long EMPTY = -1L;
  private final int sets;
  private final int setMask;
  private final int ways;
  private final int waysShift;
  private final long[] keys;
  private final boolean[] used;
  private final int[] usedSets;
  private int usedCount;

  /** An array of {@code entries} entries and {@code ways} ways. */
  public SetAssociativeLru(int entries, int ways) {
    if (entries <= 0 || ways <= 0 || entries % ways != 0) {
      throw new IllegalArgumentException("entries must be a positive multiple of ways");
    }
    this.sets = entries / ways;
    this.setMask = Integer.bitCount(sets) == 1 ? sets - 1 : -1;
    this.ways = ways;
    this.waysShift = Integer.bitCount(ways) == 1 ? Integer.numberOfTrailingZeros(ways) : -1;
    this.keys = new long[entries];
    this.used = new boolean[sets];
    this.usedSets = new int[sets];
    Arrays.fill(keys, EMPTY);
  }

  private int base(long key) {
    int set = setMask >= 0 ? (int) key & setMask : (int) (key % sets);
    return set * ways;
  }

  private int find(int b, long key) {
    for (int i = b, end = b + ways; i < end; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    return -1;
  }

  private void toFront(int b, int i, long key) {
    for (int j = i; j > b; j--) {
      keys[j] = keys[j - 1];
    }
    keys[b] = key;
  }

  @Override
  public boolean lookup(long key) {
    int b = base(key);
    int i = find(b, key);
    if (i < 0) {
      return false;
    }
    if (i > b) {
      toFront(b, i, key);
    }
    return true;
  }

  @Override
  public boolean access(long key) {
    int b = base(key);
    int i = find(b, key);
    if (i >= 0) {
      if (i > b) {
        toFront(b, i, key);
      }
      return true;
    }
    toFront(b, b + ways - 1, key);
    markUsed(b);
    return false;
  }

  /** Remembers that the set at {@code b} holds entries, so a flush clears only used sets. */
  private void markUsed(int b) {
    int set = waysShift >= 0 ? b >>> waysShift : b / ways;
    if (!used[set]) {
      used[set] = true;
      usedSets[usedCount++] = set;
    }
  }

  @Override
  public long insert(long key) {
    int b = base(key);
    int i = find(b, key);
    if (i >= 0) {
      toFront(b, i, key);
      return NONE;
    }
    int last = b + ways - 1;
    long evicted = keys[last];
    toFront(b, last, key);
    markUsed(b);
    return evicted == EMPTY ? NONE : evicted;
  }

  @Override
  public boolean invalidate(long key) {
    int b = base(key);
    int i = find(b, key);
    if (i < 0) {
      return false;
    }
    int last = b + ways - 1;
    System.arraycopy(keys, i + 1, keys, i, last - i);
    keys[last] = EMPTY;
    return true;
  }

  @Override
  public void flush() {
    for (int i = 0; i < usedCount; i++) {
      int b = usedSets[i] * ways;
      Arrays.fill(keys, b, b + ways, EMPTY);
      used[usedSets[i]] = false;
    }
    usedCount = 0;
  }

  @Override
  public int capacity() {
    return keys.length;
  }
}
