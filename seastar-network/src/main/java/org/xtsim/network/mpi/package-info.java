/**
 * The MPI layer: ranks placed on nodes run lazy {@link org.xtsim.network.mpi.RankProgram}s that
 * issue one operation at a time through {@link org.xtsim.network.mpi.Mpi}; point-to-point messages
 * are matched against posted-receive and unexpected-message queues (eager below a threshold,
 * rendezvous above); collectives are run step by step from point-to-point messages with MPICH's
 * algorithms ({@link org.xtsim.network.collectives}), or, with {@link
 * org.xtsim.network.mpi.CollectiveTiming#DATAFLOW}, small lockstep collectives are timed round by
 * round in one pass by a coordinator component ({@link org.xtsim.network.mpi.DataflowCollectives})
 * once every rank has entered. {@link org.xtsim.network.mpi.MpiJob} is the entry point.
 *
 * <p>State is kept in primitive arrays: per rank ({@link org.xtsim.network.mpi.RankTable}), and
 * requests and unexpected messages in pools per engine partition ({@link
 * org.xtsim.network.mpi.RequestPool}), so no thread touches another's entries.
 */
package org.xtsim.network.mpi;
