/**
 * Intel MPI Benchmarks-style rank programs on the MPI layer: {@link org.xtsim.network.imb.PingPong}
 * and {@link org.xtsim.network.imb.CollectiveLoop}. They are what {@code xtsim imb} runs, and
 * examples of lazy {@link org.xtsim.network.mpi.RankProgram}s.
 */
package org.xtsim.network.imb;
