package org.xtsim.vmm.tlb;

/**
 * A small fully associative LRU array (TLBs, page-walk caches: up to a few dozen entries), kept in
 * recency order (most recent first), so hits near the front cost a few compares; a counting filter
 * over key hashes answers most misses without a scan. Exact LRU.
 */
public final class SmallFullyAssociativeLru implements TranslationCache {
  private static final int FILTER_BITS = 10;
  private final long[] keys;
  private final byte[] filter = new byte[1 << FILTER_BITS];
  private int size;

  /** An array of {@code entries} entries (at most 127). */
  public SmallFullyAssociativeLru(int entries) {
    if (entries <= 0 || entries > 127) {
      throw new IllegalArgumentException("entries must be in 1..127, was " + entries);
    }
    keys = new long[entries];
  }

  private static int bucket(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - FILTER_BITS));
  }

  private int indexOf(long key) {
    if (filter[bucket(key)] == 0) {
      return -1;
    }
    long[] k = keys;
    for (int i = 0, n = size; i < n; i++) {
      if (k[i] == key) {
        return i;
      }
    }
    return -1;
  }

  private void toFront(int i, long key) {
    System.arraycopy(keys, 0, keys, 1, i);
    keys[0] = key;
  }

  @Override
  public boolean lookup(long key) {
    int i = indexOf(key);
    if (i < 0) {
      return false;
    }
    if (i > 0) {
      toFront(i, key);
    }
    return true;
  }

  @Override
  public boolean access(long key) {
    int i = indexOf(key);
    if (i >= 0) {
      if (i > 0) {
        toFront(i, key);
      }
      return true;
    }
    insertAbsent(key);
    return false;
  }

  @Override
  public long insert(long key) {
    int i = indexOf(key);
    if (i >= 0) {
      toFront(i, key);
      return NONE;
    }
    return insertAbsent(key);
  }

  private long insertAbsent(long key) {
    long evicted = NONE;
    if (size == keys.length) {
      evicted = keys[size - 1];
      filter[bucket(evicted)]--;
      toFront(size - 1, key);
    } else {
      toFront(size++, key);
    }
    filter[bucket(key)]++;
    return evicted;
  }

  @Override
  public boolean invalidate(long key) {
    int i = indexOf(key);
    if (i < 0) {
      return false;
    }
    System.arraycopy(keys, i + 1, keys, i, size - i - 1);
    size--;
    filter[bucket(key)]--;
    return true;
  }

  @Override
  public void flush() {
    for (int i = 0; i < size; i++) {
      filter[bucket(keys[i])] = 0;
    }
    size = 0;
  }

  @Override
  public int capacity() {
    return keys.length;
  }
}
