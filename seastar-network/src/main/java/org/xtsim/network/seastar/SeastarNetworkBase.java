package org.xtsim.network.seastar;

import org.xtsim.engine.Context;
import org.xtsim.network.NetworkModel;
import org.xtsim.network.topology.Torus;

/**
 * What the two SeaStar models share: the torus, the timing parameters, the placement of ranks and
 * the {@link SeastarNic} (host costs, NIC firmware and DMA, on-node messages), and the parts of
 * {@link NetworkModel} that only the NIC decides. The models differ in how packets cross the
 * fabric: {@link ContendedSeastarNetwork} router by router, {@link IdleLinkSeastarNetwork} with
 * idle-link timing.
 */
abstract class SeastarNetworkBase implements NetworkModel {
  /** Packet bytes in the low 24 bits of an event argument. */
  static final long PACKET_MASK = (1L << 24) - 1;

  final Torus torus;
  final SeastarParams params;
  final int[] rankToNode;
  final SeastarNic nic;
  final boolean cutThrough;
  final double linkPsPerByte;

  SeastarNetworkBase(Torus torus, SeastarParams params, int[] rankToNode) {
    this.torus = torus;
    this.params = params;
    this.rankToNode = rankToNode;
    this.nic = new SeastarNic(params, torus.nodes());
    this.cutThrough = params.switching() == Switching.CUT_THROUGH;
    this.linkPsPerByte = 1e12 / params.linkBandwidthBytesPerSecond();
  }

  /**
   * A message on one node goes through shared memory; else the NIC's DMA engine takes it as soon as
   * it is free, and {@link #leaveNic} sends it into the fabric.
   */
  @Override
  public final long transmit(
      Context ctx,
      int sourceNode,
      int destNode,
      long startPs,
      long readyPs,
      long bytes,
      long header,
      long payload) {
    if (sourceNode == destNode) {
      return nic.transmitLocal(ctx, readyPs, bytes, header, payload);
    }
    long dmaStartPs = nic.startDma(sourceNode, readyPs, nic.messageDmaPs(bytes));
    leaveNic(ctx, sourceNode, dmaStartPs, bytes, header, payload);
    return nic.dmaFreePs(sourceNode);
  }

  /** Sends a message whose DMA starts at {@code dmaStartPs} from {@code sourceNode}'s NIC. */
  abstract void leaveNic(
      Context ctx, int sourceNode, long dmaStartPs, long bytes, long header, long payload);

  @Override
  public final int nodes() {
    return torus.nodes();
  }

  @Override
  public final long eagerThresholdBytes() {
    return params.eagerThresholdBytes();
  }

  @Override
  public final long sendOverheadPs(long bytes) {
    return nic.hostSendOverheadPs();
  }

  @Override
  public final long receiveOverheadPs(long bytes) {
    return nic.hostReceivePs();
  }

  @Override
  public final long sendGatePs(int node, long earliestPs, long bytes) {
    return earliestPs;
  }

  @Override
  public final long receiveGatePs(int node, long earliestPs, long bytes) {
    return earliestPs;
  }
}
