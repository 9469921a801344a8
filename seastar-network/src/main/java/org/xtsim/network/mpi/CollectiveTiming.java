package org.xtsim.network.mpi;

/** How the MPI layer times collectives. */
public enum CollectiveTiming {
  /**
   * Every message of every collective is simulated: sent, routed, delivered (by interrupt, so a
   * message that reaches a computing rank takes its receive overhead from the computation) and
   * matched, one engine event per arrival and per step.
   */
  MESSAGES,

  /**
   * Small lockstep collectives (recursive-doubling allreduce, dissemination barrier; messages that
   * fit the eager limit and one packet) are evaluated in one pass once every rank has entered: two
   * events per rank instead of two per rank and round. Each round is timed with the backend's own
   * per-message formulas on each rank's CPU and NIC state (send overhead, NIC processing and DMA,
   * hops, ejection, receive processing, receive overhead, reduction), but a rank takes the
   * collective's messages only when it is inside the collective and in round order, after posting
   * that round's send (polling progress, as MPICH's {@code MPIC_Sendrecv}): a message that arrives
   * while the rank still computes waits in the NIC instead of interrupting it. Needs a network
   * without link contention, one rank per node, and no message in flight when the last rank enters.
   */
  DATAFLOW
}
