package org.xtsim.workloads;

import org.xtsim.network.NicCosts;

/**
 * The network's per-message host overheads plus what the VMM adds: nothing on the data path of a
 * passthrough NIC but an interrupt exit per receive unless the guest polls; I/O exits and a
 * per-byte copy on every send and receive of an emulated NIC.
 */
final class VmmNicCosts implements NicCosts {
  private final org.xtsim.vmm.NicCosts vmm;
  private final boolean guestPolls;

  VmmNicCosts(org.xtsim.vmm.NicCosts vmm, boolean guestPolls) {
    this.vmm = vmm;
    this.guestPolls = guestPolls;
  }

  @Override
  public long sendOverheadPs(int node, long bytes, long nativePs) {
    return nativePs + vmm.sendOverheadPs(bytes);
  }

  @Override
  public long receiveOverheadPs(int node, long bytes, long nativePs) {
    return nativePs + vmm.receiveOverheadPs(bytes, guestPolls);
  }

  /** One VMM configuration serves every node. */
  @Override
  public boolean sameOnEveryNode() {
    return true;
  }
}
