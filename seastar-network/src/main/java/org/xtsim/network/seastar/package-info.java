/**
 * The Cray SeaStar network: one router per node on a 3-D mesh or torus, links with a per-hop
 * latency and a bandwidth per direction, and a NIC with its firmware costs and its injection and
 * ejection rate over HyperTransport.
 *
 * <pre>
 *   host ─o_send─▶ NIC (firmware, DMA at the NIC rate) ─▶ router ─link─▶ router … ─▶ NIC ─▶ host
 *                                                        (hop latency, FIFO per output port)
 *                                         receive: NIC firmware, host interrupt, MPI overhead
 * </pre>
 *
 * Messages move as packets of {@link org.xtsim.network.seastar.SeastarParams#packetBytes()}. Two
 * models of the way between the NICs, both {@link org.xtsim.network.NetworkModel}s; {@link
 * org.xtsim.network.seastar.SeastarSpec} builds the one {@link
 * org.xtsim.network.seastar.SeastarParams#linkContention()} asks for (the machine key {@code
 * link_contention}):
 *
 * <ul>
 *   <li>{@link org.xtsim.network.seastar.ContendedSeastarNetwork} ({@code linkContention = true},
 *       the default): each packet is one event per router on its way, and packets that share an
 *       output port are sent in the order their heads reach it, so flows over one link share its
 *       bandwidth. Per node it keeps six router ports and declares six engine links; the lookahead
 *       is the hop latency.
 *   <li>{@link org.xtsim.network.seastar.IdleLinkSeastarNetwork} ({@code linkContention = false}),
 *       for large runs where links are not the bottleneck: each packet goes straight to its
 *       destination's router with the timing of idle links, one event per packet instead of one per
 *       hop; packets of one route keep their order. No ports, no links: any node reaches any other
 *       after the host's send overhead, the NIC's send processing and one hop, and the model offers
 *       its per-message timing for one-pass collectives ({@link org.xtsim.network.IdleLinkTiming}).
 * </ul>
 *
 * With one message at a time on the network the two give the same times. Both share {@code
 * SeastarNic}: the host's send and receive costs, the NIC's send and receive firmware, its DMA
 * engine and ejection port, which serialise each node's own traffic in either model, and messages
 * between ranks of one node through shared memory.
 */
package org.xtsim.network.seastar;
