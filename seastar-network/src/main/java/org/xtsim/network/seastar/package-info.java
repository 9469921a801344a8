/**
 * The Cray SeaStar network: one router per node on a 3-D mesh or torus, links with a per-hop
 * latency and a bandwidth per direction that messages share, and a NIC with its firmware costs and
 * its injection and ejection rate over HyperTransport.
 *
 * <pre>
 *   host ─o_send─▶ NIC (firmware, DMA at the NIC rate) ─▶ router ─link─▶ router … ─▶ NIC ─▶ host
 *                                                        (hop latency, FIFO per output port)
 *                                         receive: NIC firmware, host interrupt, MPI overhead
 * </pre>
 *
 * Messages move as packets of {@link org.xtsim.network.seastar.SeastarParams#packetBytes()}; each
 * packet is one event per router on its way, and packets that share an output port are sent in the
 * order their heads reach it, so flows over one link share its bandwidth. For large runs where
 * links are not the bottleneck, {@code linkContention = false} sends each packet straight to its
 * destination with the timing of idle links (one event per packet instead of one per hop); the NICs
 * still serialise their own traffic.
 */
package org.xtsim.network.seastar;
