package org.xtsim.vmm.tlb;

import java.util.Arrays;

/**
 * A small fully associative LRU array (TLBs, page-walk caches: up to a few dozen entries), kept in
 * recency order in a ring: logical position 0 (at {@code head}) is the most recent, position {@code
 * n − 1} the least. A miss inserts in O(1) by stepping the head back over the LRU entry; a hit at
 * position {@code j} moves {@code j} entries; a counting filter over key hashes answers most misses
 * without a scan. Exact LRU; empty slots hold −1, which no key equals.
 */
public final class SmallFullyAssociativeLru implements TranslationCache {
  private static final long EMPTY = -1L;
  private static final int FILTER_BITS = 10;
  private final long[] keys;
  private final byte[] filter = new byte[1 << FILTER_BITS];
  private final int n;
  private int head;

  /** An array of {@code entries} entries (at most 127). */
  public SmallFullyAssociativeLru(int entries) {
    if (entries <= 0 || entries > 127) {
      throw new IllegalArgumentException("entries must be in 1..127, was " + entries);
    }
    n = entries;
    keys = new long[entries];
    Arrays.fill(keys, EMPTY);
  }

  private static int bucket(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - FILTER_BITS));
  }

  /** Physical slot of {@code key}, or −1. */
  private int slotOf(long key) {
    if (filter[bucket(key)] == 0) {
      return -1;
    }
    // Most recent first: hits cluster near the front.
    long[] k = keys;
    for (int i = head; i < n; i++) {
      if (k[i] == key) {
        return i;
      }
    }
    for (int i = 0; i < head; i++) {
      if (k[i] == key) {
        return i;
      }
    }
    return -1;
  }

  /** Moves the entry in physical {@code slot} to the front. */
  private void toFront(int slot, long key) {
    int s = slot;
    while (s != head) {
      int prev = s == 0 ? n - 1 : s - 1;
      keys[s] = keys[prev];
      s = prev;
    }
    keys[head] = key;
  }

  @Override
  public boolean lookup(long key) {
    int s = slotOf(key);
    if (s < 0) {
      return false;
    }
    toFront(s, key);
    return true;
  }

  @Override
  public boolean access(long key) {
    int s = slotOf(key);
    if (s >= 0) {
      toFront(s, key);
      return true;
    }
    insertAbsent(key);
    return false;
  }

  @Override
  public long insert(long key) {
    int s = slotOf(key);
    if (s >= 0) {
      toFront(s, key);
      return NONE;
    }
    return insertAbsent(key);
  }

  private long insertAbsent(long key) {
    head = head == 0 ? n - 1 : head - 1;
    long evicted = keys[head];
    if (evicted != EMPTY) {
      filter[bucket(evicted)]--;
    }
    keys[head] = key;
    filter[bucket(key)]++;
    return evicted == EMPTY ? NONE : evicted;
  }

  @Override
  public boolean invalidate(long key) {
    int s = slotOf(key);
    if (s < 0) {
      return false;
    }
    filter[bucket(key)]--;
    int tail = head == 0 ? n - 1 : head - 1;
    while (s != tail) {
      int next = s == n - 1 ? 0 : s + 1;
      keys[s] = keys[next];
      s = next;
    }
    keys[tail] = EMPTY;
    return true;
  }

  @Override
  public void flush() {
    for (int i = 0; i < n; i++) {
      if (keys[i] != EMPTY) {
        filter[bucket(keys[i])] = 0;
        keys[i] = EMPTY;
      }
    }
    head = 0;
  }

  @Override
  public int capacity() {
    return n;
  }
}
