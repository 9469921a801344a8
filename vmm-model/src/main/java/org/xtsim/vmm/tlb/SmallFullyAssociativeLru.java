package org.xtsim.vmm.tlb;

import java.util.Arrays;

/**
 * A small fully associative LRU array (TLBs, page-walk caches: up to a few dozen entries) in which
 * every operation but a rare collision scan is O(1). Exact LRU.
 *
 * <p>Structure: the slots form a circular doubly linked list in recency order — {@code head} is the
 * most recently used slot and {@code prev[head]} the least. A miss takes the least recently used
 * slot by stepping {@code head} back one slot (no link changes); a hit relinks its slot in front of
 * {@code head}. Keys are found through a direct-mapped table over key hashes, one short per bucket
 * (one load per look-up): the count of the keys held (so most misses are answered without a scan)
 * and the slot of the key inserted last (so most hits are answered without a scan). Only when a
 * bucket's hint slot holds another key — two keys sharing a bucket, a few per cent of look-ups at
 * 24 entries — are the slots scanned.
 *
 * <p>Why not a ring kept in recency order (the previous version): a hit there shifts every more
 * recent entry by one, and the page-walk cache and nested TLB hit at depths of 2 to 5 several times
 * per nested walk; why not a general hash map: probing and deletion cost more than this table,
 * which never needs either.
 *
 * <p>Empty slots hold −1, which no key equals; they always sit at the least recently used end
 * (flush empties everything, invalidation moves the emptied slot there), so the non-empty slots are
 * the first {@code size} slots of the list from {@code head}.
 */
public final class SmallFullyAssociativeLru implements TranslationCache {
  private static final long EMPTY = -1L;
  private static final int BUCKET_BITS = 10;
  private static final int MAX_ENTRIES = 127;

  /** A bucket entry is {@code count << 8 | slot}. */
  private static final int ONE_KEY = 1 << 8;

  private static final int SLOT_MASK = ONE_KEY - 1;
  private final long[] keys;
  private final int[] next;
  private final int[] prev;

  /**
   * Per bucket, {@code count << 8 | slot}: the keys held (at most {@value #MAX_ENTRIES}) and the
   * slot of the key inserted last, which may be stale once the bucket held two keys.
   */
  private final short[] bucketTable = new short[1 << BUCKET_BITS];

  private final int n;
  private int head;
  private int size;

  /** An array of {@code entries} entries (at most 127). */
  public SmallFullyAssociativeLru(int entries) {
    if (entries <= 0 || entries > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "entries must be in 1.." + MAX_ENTRIES + ", was " + entries);
    }
    n = entries;
    keys = new long[entries];
    next = new int[entries];
    prev = new int[entries];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < entries; i++) {
      next[i] = i == entries - 1 ? 0 : i + 1;
      prev[i] = i == 0 ? entries - 1 : i - 1;
    }
  }

  /** Bucket of {@code key} in the look-up table (package-private for tests). */
  static int bucket(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - BUCKET_BITS));
  }

  /** Slot of {@code key}, or −1. */
  private int slotOf(long key) {
    int b = bucket(key);
    int entry = bucketTable[b];
    if (entry < ONE_KEY) {
      return -1;
    }
    int s = entry & SLOT_MASK;
    if (keys[s] == key) {
      return s;
    }
    return scan(key, b);
  }

  /** The slow path of {@link #slotOf}: a full scan, which repairs the bucket's hint. */
  private int scan(long key, int b) {
    long[] k = keys;
    for (int i = 0; i < n; i++) {
      if (k[i] == key) {
        bucketTable[b] = (short) (bucketTable[b] & ~SLOT_MASK | i);
        return i;
      }
    }
    return -1;
  }

  /** Makes {@code slot} the most recently used. */
  private void toFront(int slot) {
    int h = head;
    if (slot == h) {
      return;
    }
    int p = prev[slot];
    int nx = next[slot];
    next[p] = nx;
    prev[nx] = p;
    int tail = prev[h];
    next[tail] = slot;
    prev[slot] = tail;
    next[slot] = h;
    prev[h] = slot;
    head = slot;
  }

  @Override
  public boolean lookup(long key) {
    int s = slotOf(key);
    if (s < 0) {
      return false;
    }
    toFront(s);
    return true;
  }

  @Override
  public boolean access(long key) {
    int s = slotOf(key);
    if (s >= 0) {
      toFront(s);
      return true;
    }
    insertAbsent(key);
    return false;
  }

  @Override
  public long insert(long key) {
    int s = slotOf(key);
    if (s >= 0) {
      toFront(s);
      return NONE;
    }
    return insertAbsent(key);
  }

  /** Puts {@code key} in the least recently used slot, which becomes the most recent. */
  private long insertAbsent(long key) {
    int s = prev[head];
    head = s;
    long evicted = keys[s];
    if (evicted != EMPTY) {
      bucketTable[bucket(evicted)] -= ONE_KEY;
    } else {
      size++;
    }
    keys[s] = key;
    int b = bucket(key);
    bucketTable[b] = (short) ((bucketTable[b] & ~SLOT_MASK) + ONE_KEY | s);
    return evicted == EMPTY ? NONE : evicted;
  }

  @Override
  public boolean invalidate(long key) {
    int s = slotOf(key);
    if (s < 0) {
      return false;
    }
    bucketTable[bucket(key)] -= ONE_KEY;
    keys[s] = EMPTY;
    size--;
    // The emptied slot becomes the least recently used: in front of head, then head steps on.
    toFront(s);
    head = next[s];
    return true;
  }

  @Override
  public void flush() {
    int s = head;
    for (int i = 0; i < size; i++) {
      bucketTable[bucket(keys[s])] = 0;
      keys[s] = EMPTY;
      s = next[s];
    }
    size = 0;
  }

  @Override
  public int capacity() {
    return n;
  }
}
