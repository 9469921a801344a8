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

  /** A phase with static page tables. */
  public static ComputePhase of(
      double flops, double bytesMoved, double memoryReferences, AccessPattern pattern) {
    return new ComputePhase(flops, bytesMoved, memoryReferences, pattern, PageTableActivity.NONE);
  }
}
