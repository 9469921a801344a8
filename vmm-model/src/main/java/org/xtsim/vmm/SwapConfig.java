package org.xtsim.vmm;

/**
 * Guest memory pressure and the SwapBypass cache. A guest whose working set exceeds {@code
 * guestMemoryBytes} swaps 4 KB pages to a virtual disk: each swap-in is a guest page fault, block
 * I/O through {@code exitsPerDiskRequest} I/O exits and a disk read of {@code diskLatencyNs}; each
 * swap-out is a write through the same exits. Swap-out writes are taken as asynchronous (the guest
 * does not wait for them). With SwapBypass the VMM keeps swapped pages in a cache of {@code
 * bypassCacheBytes}; on the shadow page fault it asks the guest (SymCall) and maps the cached page
 * directly.
 *
 * @param guestMemoryBytes guest-physical memory; 0 means unlimited (no swapping)
 * @param bypassCacheBytes VMM-side SwapBypass cache (used in {@link PagingMode#SWAPBYPASS})
 * @param diskLatencyNs latency of one swap-disk read
 * @param exitsPerDiskRequest I/O exits per virtual-disk request
 * @param guestSwapFaultCycles guest page-fault handler cycles for a swap-in (excluding the disk)
 */
public record SwapConfig(
    long guestMemoryBytes,
    long bypassCacheBytes,
    double diskLatencyNs,
    int exitsPerDiskRequest,
    long guestSwapFaultCycles) {
  /** Disk latency: <em>assumption</em>, 5 ms (a 2008 SATA disk, seek plus rotation). */
  public static final double DEFAULT_DISK_LATENCY_NS = 5e6;

  /** I/O exits per virtual-disk request: <em>assumption</em>, 4 (IDE-style port programming). */
  public static final int DEFAULT_EXITS_PER_DISK_REQUEST = 4;

  /** Guest swap-fault handler: <em>assumption</em>, 10,000 cycles. */
  public static final long DEFAULT_GUEST_SWAP_FAULT_CYCLES = 10_000;

  /** No memory pressure. */
  public static final SwapConfig NONE =
      new SwapConfig(
          0,
          0,
          DEFAULT_DISK_LATENCY_NS,
          DEFAULT_EXITS_PER_DISK_REQUEST,
          DEFAULT_GUEST_SWAP_FAULT_CYCLES);

  /** Validates. */
  public SwapConfig {
    if (guestMemoryBytes < 0
        || bypassCacheBytes < 0
        || diskLatencyNs < 0
        || exitsPerDiskRequest < 0
        || guestSwapFaultCycles < 0) {
      throw new IllegalArgumentException("swap parameters must be >= 0");
    }
  }

  /** A guest of {@code guestMemoryBytes} with a SwapBypass cache of {@code bypassCacheBytes}. */
  public static SwapConfig pressured(long guestMemoryBytes, long bypassCacheBytes) {
    return new SwapConfig(
        guestMemoryBytes,
        bypassCacheBytes,
        DEFAULT_DISK_LATENCY_NS,
        DEFAULT_EXITS_PER_DISK_REQUEST,
        DEFAULT_GUEST_SWAP_FAULT_CYCLES);
  }

  /** Whether a working set of {@code footprintBytes} swaps. */
  public boolean swaps(long footprintBytes) {
    return guestMemoryBytes > 0 && footprintBytes > guestMemoryBytes;
  }

  /** Guest memory in 4 KB pages. */
  public int guestPages() {
    return (int) Math.min(Integer.MAX_VALUE - 8, guestMemoryBytes >>> 12);
  }

  /** SwapBypass cache in 4 KB pages. */
  public int cachePages() {
    return (int) Math.min(Integer.MAX_VALUE - 8, bypassCacheBytes >>> 12);
  }
}
