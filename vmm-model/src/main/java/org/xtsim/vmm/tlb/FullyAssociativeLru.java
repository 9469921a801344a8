package org.xtsim.vmm.tlb;

import java.util.Arrays;

/**
 * A fully associative LRU array with O(1) operations: an open-addressing hash index (linear
 * probing, backward-shift deletion) from key to slot, and a doubly linked recency list over slots.
 * Serves the large fully associative L1 DTLB and the page lists of the swap model (up to millions
 * of entries).
 */
public final class FullyAssociativeLru implements TranslationCache {
  private static final long EMPTY = -1L;
  private final long[] slotKey;
  private final int[] prev;
  private final int[] next;
  private final long[] indexKey;
  private final int[] indexSlot;
  private final int mask;
  private int head = -1;
  private int tail = -1;
  private int size;

  /** An array of {@code entries} entries. */
  public FullyAssociativeLru(int entries) {
    if (entries <= 0) {
      throw new IllegalArgumentException("entries must be > 0, was " + entries);
    }
    slotKey = new long[entries];
    prev = new int[entries];
    next = new int[entries];
    int cap = Integer.highestOneBit(Math.max(4, entries * 2 - 1)) << 1;
    indexKey = new long[cap];
    indexSlot = new int[cap];
    mask = cap - 1;
    flush();
  }

  private int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private int find(long key) {
    int i = hash(key);
    while (true) {
      long k = indexKey[i];
      if (k == key) {
        return indexSlot[i];
      }
      if (k == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  @Override
  public boolean lookup(long key) {
    int s = find(key);
    if (s < 0) {
      return false;
    }
    moveToFront(s);
    return true;
  }

  @Override
  public long insert(long key) {
    int s = find(key);
    if (s >= 0) {
      moveToFront(s);
      return NONE;
    }
    long evicted = NONE;
    if (size < slotKey.length) {
      s = size++;
    } else {
      s = tail;
      evicted = slotKey[s];
      removeIndex(evicted);
      unlink(s);
    }
    slotKey[s] = key;
    addIndex(key, s);
    linkFront(s);
    return evicted;
  }

  @Override
  public boolean invalidate(long key) {
    int s = find(key);
    if (s < 0) {
      return false;
    }
    removeIndex(key);
    unlink(s);
    // Keep slots 0..size-1 in use: move the last used slot into the hole.
    int last = --size;
    if (s != last) {
      long k = slotKey[last];
      int p = prev[last];
      int n = next[last];
      slotKey[s] = k;
      prev[s] = p;
      next[s] = n;
      if (p >= 0) {
        next[p] = s;
      } else {
        head = s;
      }
      if (n >= 0) {
        prev[n] = s;
      } else {
        tail = s;
      }
      indexSlot[indexOf(k)] = s;
    }
    return true;
  }

  @Override
  public void flush() {
    Arrays.fill(indexKey, EMPTY);
    head = -1;
    tail = -1;
    size = 0;
  }

  @Override
  public int capacity() {
    return slotKey.length;
  }

  /** Entries in use. */
  public int size() {
    return size;
  }

  private int indexOf(long key) {
    int i = hash(key);
    while (indexKey[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void addIndex(long key, int slot) {
    int i = hash(key);
    while (indexKey[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    indexKey[i] = key;
    indexSlot[i] = slot;
  }

  private void removeIndex(long key) {
    int i = indexOf(key);
    // Backward-shift deletion keeps probe sequences intact without tombstones.
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long k = indexKey[j];
      if (k == EMPTY) {
        break;
      }
      int home = hash(k);
      boolean movable = (i <= j) ? (home <= i || home > j) : (home <= i && home > j);
      if (movable) {
        indexKey[i] = k;
        indexSlot[i] = indexSlot[j];
        i = j;
      }
    }
    indexKey[i] = EMPTY;
  }

  private void moveToFront(int s) {
    if (s != head) {
      unlink(s);
      linkFront(s);
    }
  }

  private void unlink(int s) {
    int p = prev[s];
    int n = next[s];
    if (p >= 0) {
      next[p] = n;
    } else {
      head = n;
    }
    if (n >= 0) {
      prev[n] = p;
    } else {
      tail = p;
    }
  }

  private void linkFront(int s) {
    prev[s] = -1;
    next[s] = head;
    if (head >= 0) {
      prev[head] = s;
    }
    head = s;
    if (tail < 0) {
      tail = s;
    }
  }
}
