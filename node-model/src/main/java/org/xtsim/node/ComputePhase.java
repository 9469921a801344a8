package org.xtsim.node;

/**
 * Work one core does between communication calls.
 *
 * @param flops double-precision floating-point operations
 * @param bytesMoved bytes moved between DRAM and the core
 * @param memoryReferences loads and stores that go through address translation
 * @param pattern where the references go
 * @param pageTableActivity page-table changes while the phase runs
 */
public record ComputePhase(
    double flops,
    double bytesMoved,
    double memoryReferences,
    AccessPattern pattern,
    PageTableActivity pageTableActivity) {
  /** Validates. */
  public ComputePhase {
    if (flops < 0 || bytesMoved < 0 || memoryReferences < 0) {
      throw new IllegalArgumentException("flops, bytes and references must be >= 0");
    }
  }

  /**
   * Writing {@code bytes} of newly allocated memory once, in order (a set-up that fills its
   * arrays): the first touch of every page, which demand paging, nested page faults and shadow
   * fills see.
   */
  public static ComputePhase firstTouch(long bytes) {
    return new ComputePhase(
        0,
        bytes,
        bytes / (double) Long.BYTES,
        AccessPattern.of(AccessKind.SEQUENTIAL, bytes),
        new PageTableActivity(0, 0, 0, bytes));
  }

  /** A phase with static page tables. */
  public static ComputePhase of(
      double flops, double bytesMoved, double memoryReferences, AccessPattern pattern) {
    return new ComputePhase(flops, bytesMoved, memoryReferences, pattern, PageTableActivity.NONE);
  }
}
