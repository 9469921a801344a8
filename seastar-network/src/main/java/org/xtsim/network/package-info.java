/**
 * The interconnect of the simulated machine and the MPI layer on top of it.
 *
 * <pre>
 *   workloads ── RankProgram ──▶ mpi (MpiJob, matching, eager/rendezvous, collectives)
 *                                  │  NetworkModel: transmit(...) / deliver(...)
 *                     ┌────────────┴────────────┐
 *                  seastar                    loggp
 *       3-D mesh/torus, routers, links    LogGOPS: L, o, g, G, O, S
 *       contended (an event per hop) or   (one event per message)
 *       idle-link (an event per packet)
 * </pre>
 *
 * This package holds what both sides share: {@link org.xtsim.network.NetworkModel} (the backend
 * interface), {@link org.xtsim.network.NetworkSpec} (which backend, with its parameters), {@link
 * org.xtsim.network.NicCosts} (host costs per message, which the VMM model replaces), {@link
 * org.xtsim.network.IdleLinkTiming} (a backend's per-message timing for one-pass collectives), the
 * packed message {@link org.xtsim.network.Envelope}, and {@link org.xtsim.network.NetworkParams}
 * (the network parameters a study may set). Quantities with units are read by {@link
 * org.xtsim.params.Units}, the one unit grammar of files and commands.
 */
package org.xtsim.network;
