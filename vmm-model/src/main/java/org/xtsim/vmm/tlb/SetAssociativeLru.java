package org.xtsim.vmm.tlb;

import java.util.Arrays;

/**
 * A set-associative LRU array: the set is the key modulo the number of sets (low page-number bits,
 * as hardware indexes TLBs), true LRU within a set by use stamps.
 */
public final class SetAssociativeLru implements TranslationCache {
  private static final long EMPTY = -1L;
  private final int sets;
  private final int ways;
  private final long[] keys;
  private final long[] stamps;
  private long clock;

  /** An array of {@code entries} entries and {@code ways} ways. */
  public SetAssociativeLru(int entries, int ways) {
    if (entries <= 0 || ways <= 0 || entries % ways != 0) {
      throw new IllegalArgumentException("entries must be a positive multiple of ways");
    }
    this.sets = entries / ways;
    this.ways = ways;
    this.keys = new long[entries];
    this.stamps = new long[entries];
    Arrays.fill(keys, EMPTY);
  }

  private int base(long key) {
    return (int) (key % sets) * ways;
  }

  @Override
  public boolean lookup(long key) {
    int b = base(key);
    for (int i = b; i < b + ways; i++) {
      if (keys[i] == key) {
        stamps[i] = ++clock;
        return true;
      }
    }
    return false;
  }

  @Override
  public long insert(long key) {
    int b = base(key);
    int victim = b;
    for (int i = b; i < b + ways; i++) {
      if (keys[i] == key || keys[i] == EMPTY) {
        victim = i;
        break;
      }
      if (stamps[i] < stamps[victim]) {
        victim = i;
      }
    }
    long evicted = keys[victim] == key ? NONE : keys[victim];
    keys[victim] = key;
    stamps[victim] = ++clock;
    return evicted;
  }

  @Override
  public boolean invalidate(long key) {
    int b = base(key);
    for (int i = b; i < b + ways; i++) {
      if (keys[i] == key) {
        keys[i] = EMPTY;
        stamps[i] = 0;
        return true;
      }
    }
    return false;
  }

  @Override
  public void flush() {
    Arrays.fill(keys, EMPTY);
    Arrays.fill(stamps, 0);
  }

  @Override
  public int capacity() {
    return keys.length;
  }
}
