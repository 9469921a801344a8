/**
 * The analytic LogGOPS backend (Hoefler, Schneider, Lumsdaine, "LogGOPSim", HPDC 2010): no topology
 * and no contention in the network, one event per message. Parameters L, o, g, G, O and S are
 * {@link org.xtsim.network.loggp.LogGopsParams}; the rules are in {@link
 * org.xtsim.network.loggp.LogGopsNetwork}.
 */
package org.xtsim.network.loggp;
