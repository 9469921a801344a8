package org.xtsim.node;

/**
 * One level of a core's data-cache hierarchy, as a page-walk reference sees it.
 *
 * @param name label used in reports, e.g. {@code "L2"}
 * @param bytes capacity one core can use (its share, for a shared level), a multiple of {@code ways
 *     × LINE_BYTES}
 * @param ways associativity
 * @param hitCycles load-to-use latency of a hit in this level, core cycles
 */
public record CacheLevel(String name, long bytes, int ways, int hitCycles) {
  /** Cache-line size of the Opteron caches (K8 and family 10h). */
  public static final int LINE_BYTES = 64;

  /** Validates. */
  public CacheLevel {
    if (ways <= 0 || bytes <= 0 || bytes % ((long) ways * LINE_BYTES) != 0 || hitCycles < 0) {
      throw new IllegalArgumentException(
          name + ": bytes must be a positive multiple of ways x 64, was " + bytes + "/" + ways);
    }
  }

  /** Lines the level holds. */
  public int lines() {
    return (int) (bytes / LINE_BYTES);
  }
}
