package org.xtsim.vmm;

/**
 * The host's preemption of the guest: a tick at {@code hostTickHz}, each an interrupt exit plus
 * {@code housekeepingCycles} of host work, scheduled by a {@link PreemptionPolicy}.
 *
 * @param policy how host work is placed
 * @param hostTickHz host scheduler tick
 * @param housekeepingCycles host work per tick
 */
public record HostPreemption(PreemptionPolicy policy, double hostTickHz, long housekeepingCycles) {
  /** Palacios host scheduler tick: 100 Hz ({@code vmm_scheduler.c}, parameters.md). */
  public static final double PALACIOS_TICK_HZ = 100;

  /** Host housekeeping per tick: <em>assumption</em>, 20,000 cycles (about 10 µs). */
  public static final long DEFAULT_HOUSEKEEPING_CYCLES = 20_000;

  /** Validates. */
  public HostPreemption {
    if (!(hostTickHz > 0) || housekeepingCycles < 0) {
      throw new IllegalArgumentException("host tick must be > 0 Hz and housekeeping >= 0");
    }
  }

  /** Palacios's 100 Hz tick under {@code policy}. */
  public static HostPreemption of(PreemptionPolicy policy) {
    return new HostPreemption(policy, PALACIOS_TICK_HZ, DEFAULT_HOUSEKEEPING_CYCLES);
  }
}
