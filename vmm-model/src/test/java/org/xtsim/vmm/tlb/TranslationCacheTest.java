package org.xtsim.vmm.tlb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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

  /** The plainest exact LRU: per set, a list of keys in recency order (most recent first). */
  private static final class ListLru implements TranslationCache {
    private final List<ArrayList<Long>> sets = new ArrayList<>();
    private final int ways;

    ListLru(int entries, int ways) {
      this.ways = ways;
      for (int i = 0; i < entries / ways; i++) {
        sets.add(new ArrayList<>());
      }
    }

    private ArrayList<Long> set(long key) {
      return sets.get((int) (key % sets.size()));
    }

    @Override
    public boolean lookup(long key) {
      ArrayList<Long> s = set(key);
      if (!s.remove(Long.valueOf(key))) {
        return false;
      }
      s.add(0, key);
      return true;
    }

    @Override
    public long insert(long key) {
      ArrayList<Long> s = set(key);
      if (lookup(key)) {
        return NONE;
      }
      s.add(0, key);
      return s.size() > ways ? s.remove(ways) : NONE;
    }

    @Override
    public boolean invalidate(long key) {
      return set(key).remove(Long.valueOf(key));
    }

    @Override
    public void flush() {
      sets.forEach(ArrayList::clear);
    }

    @Override
    public int capacity() {
      return sets.size() * ways;
    }
  }

  @Test
  void shouldBehaveLikeAPlainListLruInEveryImplementation() {
    // Four ways (the written-out path of SetAssociativeLru) with many sets, few and one set.
    int[][] shapes = {
      {16, 16}, {24, 24}, {48, 48}, {8, 8}, {512, 4}, {16, 4}, {4, 4}, {128, 2}, {16, 8}, {12, 3}
    };
    for (int[] shape : shapes) {
      int entries = shape[0];
      int ways = shape[1];
      List<TranslationCache> impls = new ArrayList<>();
      impls.add(TranslationCache.of(entries, ways));
      impls.add(new SetAssociativeLru(entries, ways));
      if (ways == entries) {
        impls.add(new FullyAssociativeLru(entries));
        impls.add(new SmallFullyAssociativeLru(entries));
      }
      List<TranslationCache> refs = new ArrayList<>();
      for (TranslationCache c : impls) {
        refs.add(new ListLru(entries, ways));
      }
      SplitMixRandom r = new SplitMixRandom(23, entries + ways);
      for (int op = 0; op < 200_000; op++) {
        long key = r.nextInt(2 * entries + 3);
        int kind = r.nextInt(100);
        for (int i = 0; i < impls.size(); i++) {
          TranslationCache c = impls.get(i);
          TranslationCache ref = refs.get(i);
          int step = op;
          Supplier<String> what =
              () -> c.getClass().getSimpleName() + " " + entries + "/" + ways + " op " + step;
          if (kind < 50) {
            assertEquals(ref.access(key), c.access(key), what);
          } else if (kind < 70) {
            assertEquals(ref.lookup(key), c.lookup(key), what);
          } else if (kind < 90) {
            assertEquals(ref.insert(key), c.insert(key), what);
          } else if (kind < 98) {
            assertEquals(ref.invalidate(key), c.invalidate(key), what);
          } else {
            ref.flush();
            c.flush();
          }
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
