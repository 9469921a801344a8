package org.xtsim.vmm;

import org.xtsim.engine.SimTime;

/**
 * The host's preemption of the guest: Palacios's scheduler tick at {@code hostTickHz}, each an
 * interrupt exit plus {@code housekeepingCycles} of host work, and the host OS's own interruptions
 * ({@link HostOs}: its timer and daemons), all placed by one {@link PreemptionPolicy}.
 *
 * @param policy how host work is placed
 * @param hostTickHz Palacios scheduler tick
 * @param housekeepingCycles host work per scheduler tick
 * @param host the host OS
 * @param deferralLimitPs under {@link PreemptionPolicy#DEFERRED}, the longest host work waits for
 *     the guest's idle time before it takes the core anyway ({@link SimTime#NEVER}: no limit)
 */
public record HostPreemption(
    PreemptionPolicy policy,
    double hostTickHz,
    long housekeepingCycles,
    HostOs host,
    long deferralLimitPs) {
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
    if (deferralLimitPs < 0) {
      throw new IllegalArgumentException("deferral limit must be >= 0, was " + deferralLimitPs);
    }
  }

  /**
   * Deferred host work waits for the guest's idle time without limit: under controlled preemption
   * the host gets the core when the guest halts (Palacios's halt handler yields to the host until
   * an interrupt is pending, {@code vmm_halt.c}); the periodic yield at the end of each scheduler
   * period ({@code v3_yield_cond}, {@code vmm.c}) is the free-running scheduler of {@link
   * PreemptionPolicy#UNCONTROLLED}.
   */
  public HostPreemption(
      PreemptionPolicy policy, double hostTickHz, long housekeepingCycles, HostOs host) {
    this(policy, hostTickHz, housekeepingCycles, host, SimTime.NEVER);
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
    return new HostPreemption(policy, hostTickHz, housekeepingCycles, os, deferralLimitPs);
  }

  /** A copy whose deferred host work waits at most {@code limitPs} for idle time. */
  public HostPreemption withDeferralLimit(long limitPs) {
    return new HostPreemption(policy, hostTickHz, housekeepingCycles, host, limitPs);
  }
}
