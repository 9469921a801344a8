package org.xtsim.network.collectives;

/** The collective operations of the MPI layer. */
public enum Collective {
  ALLREDUCE,
  BARRIER,
  BCAST,
  REDUCE,
  ALLGATHER,
  ALLTOALL
}
