package org.xtsim.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;
import org.xtsim.node.NodePresets;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.vmm.tlb.CalibrationCache;

class NicCostsTest {
  private static NicCosts nic(VmmConfig vmm) {
    return NodeCostModel.calibrate(
            NodePresets.xt4(), OsPersonalities.kitten(), vmm, new CalibrationCache(1 << 14))
        .nic();
  }

  @Test
  void shouldAddNothingOnThePassthroughDataPathWhenTheGuestPolls() {
    NicCosts n =
        nic(VmmConfig.nested(PageSize.SIZE_2M).withNic(NicConfig.of(NicMode.PASSTHROUGH, true)));
    assertEquals(0, n.sendOverheadPs(1 << 20));
    assertEquals(0, n.receiveOverheadPs(1 << 20, true));
    assertEquals(0, n.sendExits());
    assertEquals(1, n.receiveExits(false), "an interrupt-driven receive exits once");
    assertTrue(n.receiveOverheadPs(8, false) > 0);
  }

  @Test
  void shouldChargeExitsAndPerByteCopiesForAnEmulatedNic() {
    VmmConfig vmm =
        VmmConfig.nested(PageSize.SIZE_2M)
            .withAsid(true)
            .withNic(NicConfig.of(NicMode.EMULATED, true));
    NicCosts n = nic(vmm);
    double clock = NodePresets.xt4().clockHz();
    long exit = vmm.exitCosts().directCycles(ExitType.IOIO);
    assertEquals(SimTime.fromCycles(2.0 * exit, clock), n.sendOverheadPs(0));
    assertEquals(
        SimTime.fromCycles(2.0 * exit + 4096 * NicConfig.DEFAULT_COPY_CYCLES_PER_BYTE, clock),
        n.sendOverheadPs(4096));
    assertEquals(2, n.sendExits());
    assertEquals(3, n.receiveExits(false));
  }

  @Test
  void shouldAddNothingNatively() {
    NicCosts n = nic(VmmConfig.nativeNode().withNic(NicConfig.of(NicMode.EMULATED, false)));
    assertEquals(0, n.sendOverheadPs(4096));
    assertEquals(0, n.receiveOverheadPs(4096, false));
  }
}
