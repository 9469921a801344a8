/**
 * The interconnect (to be filled by the network issue): the SeaStar 3-D mesh/torus with contention,
 * an analytic LogGOPS backend, and the MPI layer with MPICH's collective algorithms.
 */
package org.xtsim.network;
