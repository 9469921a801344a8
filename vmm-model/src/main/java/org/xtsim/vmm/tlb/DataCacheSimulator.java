package org.xtsim.vmm.tlb;

import java.util.List;
import org.xtsim.node.CacheHierarchy;
import org.xtsim.node.CacheLevel;

/**
 * The core's exclusive data caches, line by line, for the cost of page-walk references: the data
 * stream goes through them (so page-table lines compete with data for room) and each walk reference
 * reports the level it hit. Exclusive as on the Opteron: a hit in a lower level moves the line to
 * L1, and every level's victim moves one level down; a miss in all fills L1 from DRAM. Not
 * thread-safe; allocation-free once built.
 */
final class DataCacheSimulator {
  private static final int LINE_SHIFT = Integer.numberOfTrailingZeros(CacheLevel.LINE_BYTES);
  private final TranslationCache[] levels;
  private long lastLine = -1;

  DataCacheSimulator(CacheHierarchy caches) {
    List<CacheLevel> spec = caches.levels();
    this.levels = new TranslationCache[spec.size()];
    for (int i = 0; i < levels.length; i++) {
      CacheLevel c = spec.get(i);
      levels[i] = new SetAssociativeLru(c.lines(), c.ways());
    }
  }

  /** Number of cache levels; {@link #access} returns this for a miss in all (DRAM). */
  int depth() {
    return levels.length;
  }

  /** A data reference to physical address {@code address}. */
  void data(long address) {
    long line = address >>> LINE_SHIFT;
    if (line != lastLine) {
      lastLine = line;
      access(line);
    }
  }

  /** A page-walk reference to {@code address}: the level it hit, 0 = L1, {@link #depth} = DRAM. */
  int walkReference(long address) {
    lastLine = -1;
    return access(address >>> LINE_SHIFT);
  }

  private int access(long line) {
    if (levels[0].lookup(line)) {
      return 0;
    }
    int hit = levels.length;
    for (int i = 1; i < levels.length; i++) {
      if (levels[i].invalidate(line)) {
        hit = i;
        break;
      }
    }
    long victim = levels[0].insert(line);
    for (int i = 1; i < levels.length && victim != TranslationCache.NONE; i++) {
      victim = levels[i].insert(victim);
    }
    return hit;
  }
}
