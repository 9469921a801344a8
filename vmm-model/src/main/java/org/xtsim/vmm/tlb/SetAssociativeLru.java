package org.xtsim.vmm.tlb;

import java.util.Arrays;

/**
 * A set-associative LRU array: the set is the key modulo the number of sets (low page-number bits,
 * as hardware indexes TLBs); each set keeps its ways in recency order, most recent first, so LRU is
 * exact and a hit moves its entry to the front. An access (look-up with fill) does the search and
 * the move in one pass over the set, each way taking its predecessor's key, so a miss — every
 * reference of a random stream misses the L2 TLB — reads and writes each way once.
 *
 * <p>Flushing is O(1): each set carries the flush epoch in which it was last written, and a set
 * whose epoch is older than the current one is empty whatever its keys say; it is rewritten when
 * next touched. Without ASIDs every nested page fault flushes the TLB, several times per hundred
 * references of a random stream, so the flush must not cost a pass over the touched sets.
 */
public final class SetAssociativeLru implements TranslationCache {
  /** Key of an empty way; equal to {@link #NONE}, so an evicted empty way reads as no eviction. */
  private static final long EMPTY = NONE;

  /** Returned by {@link #insertOrHit} when the key was present (keys are non-negative). */
  private static final long HIT = -2L;

  /** The associativity with a written-out access path ({@link #insertOrHitFourWays}). */
  private static final int FOUR_WAYS = 4;

  private final int sets;
  private final int setMask;
  private final int ways;
  private final long[] keys;

  /** Per set, the {@link #epoch} of its last write; older sets are empty. */
  private final int[] setEpoch;

  private int epoch = 1;

  /** An array of {@code entries} entries and {@code ways} ways. */
  public SetAssociativeLru(int entries, int ways) {
    if (entries <= 0 || ways <= 0 || entries % ways != 0) {
      throw new IllegalArgumentException("entries must be a positive multiple of ways");
    }
    this.sets = entries / ways;
    this.setMask = Integer.bitCount(sets) == 1 ? sets - 1 : -1;
    this.ways = ways;
    this.keys = new long[entries];
    this.setEpoch = new int[sets];
    Arrays.fill(keys, EMPTY);
  }

  private int setOf(long key) {
    return setMask >= 0 ? (int) key & setMask : (int) (key % sets);
  }

  /** Whether {@code set} has been written since the last flush (otherwise it is empty). */
  private boolean live(int set) {
    return setEpoch[set] == epoch;
  }

  /** Makes {@code set} hold {@code key} alone, most recent, and marks it live. */
  private void restart(int set, long key) {
    setEpoch[set] = epoch;
    int b = set * ways;
    keys[b] = key;
    for (int i = b + 1, end = b + ways; i < end; i++) {
      keys[i] = EMPTY;
    }
  }

  private int find(int b, long key) {
    for (int i = b, end = b + ways; i < end; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    return -1;
  }

  /** Moves the entry at {@code i} of the set at {@code b} to the front as {@code key}. */
  private void toFront(int b, int i, long key) {
    for (int j = i; j > b; j--) {
      keys[j] = keys[j - 1];
    }
    keys[b] = key;
  }

  @Override
  public boolean lookup(long key) {
    int set = setOf(key);
    if (!live(set)) {
      return false;
    }
    int b = set * ways;
    int i = find(b, key);
    if (i < 0) {
      return false;
    }
    toFront(b, i, key);
    return true;
  }

  @Override
  public boolean access(long key) {
    return insertOrHit(key) == HIT;
  }

  @Override
  public long insert(long key) {
    long r = insertOrHit(key);
    return r == HIT ? NONE : r;
  }

  /** Inserts {@code key} as most recent: {@link #HIT}, the evicted key, or {@link #NONE}. */
  private long insertOrHit(long key) {
    int set = setOf(key);
    if (!live(set)) {
      restart(set, key);
      return NONE;
    }
    if (ways == FOUR_WAYS) {
      return insertOrHitFourWays(set * FOUR_WAYS, key);
    }
    // One pass: each way takes the key of the way before it, until the key itself turns up (a
    // hit) or the last way's key falls out (the eviction).
    long carried = key;
    for (int i = set * ways, end = i + ways; i < end; i++) {
      long k = keys[i];
      keys[i] = carried;
      if (k == key) {
        return HIT;
      }
      carried = k;
    }
    return carried; // EMPTY is NONE
  }

  /**
   * {@link #insertOrHit} for a live set of four ways at {@code b}, written out: the same pass
   * without a loop. The L2 TLB for 4 KB pages has four ways on every preset, and a random stream
   * misses it on every reference; the JIT compiler cannot see the trip count of the loop (the ways
   * are a field), so it compiles it as a general loop with its exit tests and range checks, which
   * costs more than these four loads, four stores and four compares.
   */
  private long insertOrHitFourWays(int b, long key) {
    long[] k = keys;
    long k0 = k[b];
    long k1 = k[b + 1];
    long k2 = k[b + 2];
    long k3 = k[b + 3];
    k[b] = key;
    if (k0 == key) {
      return HIT;
    }
    k[b + 1] = k0;
    if (k1 == key) {
      return HIT;
    }
    k[b + 2] = k1;
    if (k2 == key) {
      return HIT;
    }
    k[b + 3] = k2;
    if (k3 == key) {
      return HIT;
    }
    return k3; // EMPTY is NONE
  }

  @Override
  public boolean invalidate(long key) {
    int set = setOf(key);
    if (!live(set)) {
      return false;
    }
    int b = set * ways;
    int i = find(b, key);
    if (i < 0) {
      return false;
    }
    int last = b + ways - 1;
    for (int j = i; j < last; j++) {
      keys[j] = keys[j + 1];
    }
    keys[last] = EMPTY;
    return true;
  }

  @Override
  public void flush() {
    if (epoch == Integer.MAX_VALUE) {
      // Once in 2^31 flushes: start the epochs again from a physically empty array.
      Arrays.fill(keys, EMPTY);
      Arrays.fill(setEpoch, 0);
      epoch = 0;
    }
    epoch++;
  }

  @Override
  public int capacity() {
    return keys.length;
  }
}
