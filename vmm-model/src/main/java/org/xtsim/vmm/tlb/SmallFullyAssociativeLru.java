package org.xtsim.vmm.tlb;

import java.util.Arrays;

/**
 * A small fully associative LRU array (TLBs, page-walk caches: up to a few dozen entries) in which
 * every operation but a rare collision scan is O(1), flush included. Exact LRU.
 *
 * <p>Structure: the slots form a circular doubly linked list in recency order — {@code head} is the
 * most recently used slot and {@code prev[head]} the least. A miss takes the least recently used
 * slot by stepping {@code head} back one slot (no link changes); a hit relinks its slot in front of
 * {@code head}. The non-empty slots are always the first {@code size} slots from {@code head}
 * (empty slots are taken first, and an invalidated slot moves to the least recently used end), so
 * whether the slot a miss takes holds a key is just {@code size == n}.
 *
 * <p>Keys are found through a direct-mapped table over key hashes, one int per bucket: the flush
 * epoch, the number of keys held (so most misses are answered without a scan) and the slot of the
 * key inserted last (so most hits are answered without a scan). Only when a bucket's hint slot
 * holds another key — two keys sharing a bucket, a few per cent of look-ups at 24 entries — are the
 * live slots scanned. A flush starts a new epoch: table entries of older epochs read as empty
 * buckets and {@code size} drops to 0, so nothing is cleared. Without ASIDs every nested page fault
 * flushes the TLB and both walk caches, several times per hundred references of a random stream.
 *
 * <p>Why not a ring kept in recency order (the previous version): a hit there shifts every more
 * recent entry by one, and the page-walk cache and nested TLB hit at depths of 2 to 5 several times
 * per nested walk; why not a general hash map: probing and deletion cost more than this table,
 * which never needs either.
 */
public final class SmallFullyAssociativeLru implements TranslationCache {
  /** Key of a slot emptied by invalidation (no key equals it, so a stale hint cannot match). */
  private static final long EMPTY = -1L;

  private static final int BUCKET_BITS = 10;
  private static final int MAX_ENTRIES = 127;

  /** Bucket entry layout: {@code epoch << 16 | count << 8 | slot}. */
  private static final int SLOT_MASK = 0xFF;

  private static final int ONE_KEY = 1 << 8;
  private static final int ONE_EPOCH = 1 << 16;
  private static final int MAX_EPOCH_BASE = Integer.MAX_VALUE & ~(ONE_EPOCH - 1);

  private final long[] keys;
  private final int[] next;
  private final int[] prev;
  private final int[] bucketTable = new int[1 << BUCKET_BITS];
  private final int n;
  private int head;
  private int size;

  /** {@code epoch << 16}: bucket entries below it are from before the last flush. */
  private int epochBase = ONE_EPOCH;

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
    if (entry < epochBase + ONE_KEY) {
      return -1; // no key of this bucket since the last flush
    }
    int s = entry & SLOT_MASK;
    if (keys[s] == key) {
      return s;
    }
    return scan(key, b);
  }

  /**
   * The slow path of {@link #slotOf}: a scan of the live slots, which repairs the bucket's hint.
   */
  private int scan(long key, int b) {
    int s = head;
    for (int i = 0; i < size; i++) {
      if (keys[s] == key) {
        bucketTable[b] = bucketTable[b] & ~SLOT_MASK | s;
        return s;
      }
      s = next[s];
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
    long evicted = NONE;
    if (size == n) {
      evicted = keys[s];
      bucketTable[bucket(evicted)] -= ONE_KEY;
    } else {
      size++;
    }
    keys[s] = key;
    int b = bucket(key);
    // A bucket last written before the flush restarts from count 0 in this epoch.
    int countAndEpoch = Math.max(bucketTable[b] & ~SLOT_MASK, epochBase);
    bucketTable[b] = countAndEpoch + ONE_KEY | s;
    return evicted;
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
    size = 0;
    if (epochBase == MAX_EPOCH_BASE) {
      // Once in 32,767 flushes: clear the table and start the epochs again.
      Arrays.fill(bucketTable, 0);
      epochBase = 0;
    }
    epochBase += ONE_EPOCH;
  }

  @Override
  public int capacity() {
    return n;
  }
}
