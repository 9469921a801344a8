package org.xtsim.node;

import java.util.List;

/**
 * A core's data caches, nearest first, as the page walker reads page-table entries through them: a
 * walk reference costs the latency of the level it hits, or the DRAM latency on a miss in all. The
 * Opteron hierarchy is <em>exclusive</em>: a line lives in one level; a hit in a lower level moves
 * it to L1, and each level's victim moves down one level (L2 is L1's victim cache, L3 is L2's).
 *
 * @param levels the levels, L1 first
 */
public record CacheHierarchy(List<CacheLevel> levels) {
  /** Validates and copies. */
  public CacheHierarchy {
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a cache hierarchy needs at least one level");
    }
  }

  /** Hierarchy of the given levels, nearest first. */
  public static CacheHierarchy of(CacheLevel... levels) {
    return new CacheHierarchy(List.of(levels));
  }
}
