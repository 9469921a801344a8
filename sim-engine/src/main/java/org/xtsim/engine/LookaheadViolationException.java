package org.xtsim.engine;

/**
 * A send asked for a delay below the latency of the link it used. Conservative synchronisation
 * relies on that latency, so the run stops with this error rather than go on silently wrong.
 */
public final class LookaheadViolationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Builds the message naming both components, the times and the link latency. */
  public LookaheadViolationException(
      int source, int target, long nowPs, long delayPs, long linkLatencyPs, String linkName) {
    super(
        String.format(
            "lookahead violation: component %d sent to component %d at t=%d ps with delay %d ps"
                + " (arrival t=%d ps), below the %d ps latency of %s",
            source,
            target,
            nowPs,
            delayPs,
            SimTime.saturatingAdd(nowPs, delayPs),
            linkLatencyPs,
            linkName));
  }
}
