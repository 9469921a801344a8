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
 * <p>Each engine partition has one MPI layer, split by job:
 *
 * <pre>
 *   engine event ─▶ PartitionWorker: steps the rank programs, is their Mpi
 *                    │ isend/irecv       │ collectives            │ await/waitall
 *                    ▼                   ▼                        ▼
 *   NetworkModel ─▶ PointToPointProtocol ◀─ CollectiveDriver      RequestTracking
 *     deliver        eager, RTS/CTS/data,   begin, advance;       active lists, waits
 *                    host costs, complete   StepPoster send/recv  (also used by the two
 *                    │ match, enqueue                              to its left)
 *                    ▼
 *                   MessageMatching: posted and unexpected queues
 *
 *   ArgumentChecks: the checks of what programs pass, used by all of the above.
 *   Network events reach the NetworkModel through PartitionWorker.onEvent.
 * </pre>
 *
 * <p>The entry points of MPI progress, the places a host interruption would reach: {@code
 * PointToPointProtocol.deliver} (a message arrives: matching and protocol handling) and {@code
 * CollectiveDriver.advance} (a rank's collective forwards to its next step).
 *
 * <p>State is kept in primitive arrays: per rank ({@link org.xtsim.network.mpi.RankTable}), and
 * requests and unexpected messages in pools per engine partition ({@link
 * org.xtsim.network.mpi.RequestPool}), so no thread touches another's entries. The objects of one
 * partition's layer share that partition's pool and allocate nothing per event.
 */
package org.xtsim.network.mpi;
