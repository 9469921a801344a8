/**
 * MPICH's collective algorithms (Thakur, Rabenseifner, Gropp, IJHPCA 2005; MPICH {@code
 * src/mpi/coll/}) as step functions: {@link org.xtsim.network.collectives.CollectiveAlgorithm}
 * says, for a rank and a step number, which point-to-point messages to post and how many bytes to
 * reduce once they have completed. They keep no state: a rank's progress is its step number, so a
 * collective over a million ranks allocates nothing. {@link
 * org.xtsim.network.collectives.MpichSelector} picks the algorithm as MPICH does; {@link
 * org.xtsim.network.collectives.LogGopsClosedForms} gives their completion times on a LogGOPS
 * network without contention.
 */
package org.xtsim.network.collectives;
