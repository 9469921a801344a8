package org.xtsim.vmm;

/** How the host's own work (scheduler tick, housekeeping) competes with a running guest. */
public enum PreemptionPolicy {
  /** The host never preempts the guest (an idealised dedicated core). */
  NONE,
  /** The host ticks at its rate with an independent random phase on each node. */
  UNCONTROLLED,
  /** Controlled: host ticks at the same absolute times on every node (aligned across nodes). */
  ALIGNED,
  /** Controlled: host work is deferred while the guest computes and done when it is idle. */
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
