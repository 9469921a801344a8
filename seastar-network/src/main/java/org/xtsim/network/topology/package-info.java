/**
 * The shape of the SeaStar network: a 3-D mesh or torus ({@link org.xtsim.network.topology.Torus}),
 * dimension-order routing on it, where MPI ranks go ({@link org.xtsim.network.topology.Placement}),
 * and how nodes are split over engine threads ({@link
 * org.xtsim.network.topology.TorusPartitioner}).
 *
 * <pre>
 *   node id = x + X·(y + Y·z)        ports: 0 +x, 1 −x, 2 +y, 3 −y, 4 +z, 5 −z
 * </pre>
 */
package org.xtsim.network.topology;
