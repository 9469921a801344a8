package org.xtsim.vmm;

/** How the host's own work (scheduler tick, housekeeping) competes with a running guest. */
public enum PreemptionPolicy {
  /** The host never preempts the guest (an idealised dedicated core). */
  NONE,
  /** The host ticks at its rate with an independent random phase on each node. */
  UNCONTROLLED,
  /** Controlled: host ticks at the same absolute times on every node (aligned across nodes). */
  ALIGNED,
  /**
   * Controlled: the host's work (scheduler housekeeping, daemons) waits while the guest runs and is
   * done in the guest's idle time, over as many idle gaps as it takes (the guest, resuming, pays
   * the return and the refill of what the work evicted); with a deferral limit ({@link
   * HostPreemption#deferralLimitPs}) work that has waited that long takes the core anyway. The host
   * timer is a hardware interrupt and exits at once, as under {@link #UNCONTROLLED}.
   */
  DEFERRED;

  /** Parses a lower-case name. */
  public static PreemptionPolicy parse(String text) {
    for (PreemptionPolicy p : values()) {
      if (p.name().equalsIgnoreCase(text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "preemption must be one of none, uncontrolled, aligned, deferred, was '" + text + "'");
  }
}
