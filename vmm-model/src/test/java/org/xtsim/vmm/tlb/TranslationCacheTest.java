package org.xtsim.vmm.tlb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.node.os.SplitMixRandom;

class TranslationCacheTest {
  /** A reference LRU: one set of {@code n} ways (the set-associative array with one set). */
  private static TranslationCache reference(int n) {
    return new SetAssociativeLru(n, n);
  }

  @Test
  void shouldBehaveExactlyLikeTrueLruInEveryFullyAssociativeImplementation() {
    for (int n : new int[] {3, 16, 24, 48, 200}) {
      TranslationCache ref = reference(n);
      TranslationCache[] impls = {
        new FullyAssociativeLru(n), n < 128 ? new SmallFullyAssociativeLru(n) : reference(n)
      };
      SplitMixRandom r = new SplitMixRandom(11, n);
      for (int op = 0; op < 200_000; op++) {
        long key = r.nextInt(3 * n);
        int kind = r.nextInt(100);
        if (kind < 80) {
          boolean hit = ref.access(key);
          for (TranslationCache c : impls) {
            assertEquals(hit, c.access(key), "access " + key + " op " + op + " n " + n);
          }
        } else if (kind < 95) {
          long evicted = ref.insert(key);
          for (TranslationCache c : impls) {
            assertEquals(evicted, c.insert(key), "insert " + key + " op " + op + " n " + n);
          }
        } else if (kind < 99) {
          boolean had = ref.invalidate(key);
          for (TranslationCache c : impls) {
            assertEquals(had, c.invalidate(key));
          }
        } else {
          ref.flush();
          for (TranslationCache c : impls) {
            c.flush();
          }
        }
      }
    }
  }

  @Test
  void shouldStayExactWhenManyKeysShareALookupBucket() {
    for (int n : new int[] {1, 2, 5, 16, 24, 48, 127}) {
      // Keys from 6 buckets only, so most look-ups go past a stale or foreign bucket hint.
      long[] pool = new long[3 * n + 2];
      int found = 0;
      for (long k = 0; found < pool.length; k++) {
        if (SmallFullyAssociativeLru.bucket(k) < 6) {
          pool[found++] = k;
        }
      }
      TranslationCache ref = reference(n);
      TranslationCache small = new SmallFullyAssociativeLru(n);
      SplitMixRandom r = new SplitMixRandom(5, n);
      for (int op = 0; op < 300_000; op++) {
        long key = pool[r.nextInt(pool.length)];
        int kind = r.nextInt(100);
        String what = " key " + key + " op " + op + " n " + n;
        if (kind < 50) {
          assertEquals(ref.access(key), small.access(key), "access" + what);
        } else if (kind < 75) {
          assertEquals(ref.lookup(key), small.lookup(key), "lookup" + what);
        } else if (kind < 90) {
          assertEquals(ref.insert(key), small.insert(key), "insert" + what);
        } else if (kind < 99) {
          assertEquals(ref.invalidate(key), small.invalidate(key), "invalidate" + what);
        } else {
          ref.flush();
          small.flush();
        }
      }
    }
  }

  @Test
  void shouldEvictTheLeastRecentlyUsedWayOfASet() {
    SetAssociativeLru c = new SetAssociativeLru(8, 2); // 4 sets
    assertEquals(TranslationCache.NONE, c.insert(0));
    assertEquals(TranslationCache.NONE, c.insert(4));
    assertTrue(c.lookup(0)); // 4 is now least recently used in set 0
    assertEquals(4, c.insert(8));
    assertFalse(c.lookup(4));
    assertFalse(c.lookup(1), "set 1 is still empty");
    assertEquals(TranslationCache.NONE, c.insert(1));
  }
}
