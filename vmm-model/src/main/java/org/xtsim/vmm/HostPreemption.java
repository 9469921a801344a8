package org.xtsim.vmm;

/**
 * The host's preemption of the guest: Palacios's scheduler tick at {@code hostTickHz}, each an
 * interrupt exit plus {@code housekeepingCycles} of host work, and the host OS's own interruptions
 * ({@link HostOs}: its timer and daemons), all placed by one {@link PreemptionPolicy}.
 *
 * @param policy how host work is placed
 * @param hostTickHz Palacios scheduler tick
 * @param housekeepingCycles host work per scheduler tick
 * @param host the host OS
 */
public record HostPreemption(
    PreemptionPolicy policy, double hostTickHz, long housekeepingCycles, HostOs host) {
  /** Palacios host scheduler tick: 100 Hz ({@code vmm_scheduler.c}, parameters.md). */
  public static final double PALACIOS_TICK_HZ = 100;

  /** Host housekeeping per tick: <em>assumption</em>, 20,000 cycles (about 10 µs). */
  public static final long DEFAULT_HOUSEKEEPING_CYCLES = 20_000;

  /** Validates. */
  public HostPreemption {
    if (!(hostTickHz > 0) || housekeepingCycles < 0) {
      throw new IllegalArgumentException("host tick must be > 0 Hz and housekeeping >= 0");
    }
    java.util.Objects.requireNonNull(host, "host");
  }

  /** On a Kitten host (the VEE 2011 setting). */
  public HostPreemption(PreemptionPolicy policy, double hostTickHz, long housekeepingCycles) {
    this(policy, hostTickHz, housekeepingCycles, HostOs.kitten());
  }

  /** Palacios's 100 Hz tick on a Kitten host under {@code policy}. */
  public static HostPreemption of(PreemptionPolicy policy) {
    return new HostPreemption(policy, PALACIOS_TICK_HZ, DEFAULT_HOUSEKEEPING_CYCLES);
  }

  /** A copy on another host OS. */
  public HostPreemption withHost(HostOs os) {
    return new HostPreemption(policy, hostTickHz, housekeepingCycles, os);
  }
}
