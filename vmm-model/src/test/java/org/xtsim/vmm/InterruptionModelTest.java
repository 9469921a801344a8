package org.xtsim.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;
import org.xtsim.node.NodePresets;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.InterruptionState;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.node.os.OsPersonality;
import org.xtsim.vmm.tlb.CalibrationCache;

class InterruptionModelTest {
  private static final CalibrationCache CACHE = new CalibrationCache(1 << 15);

  private static NodeCostModel model(OsPersonality os, VmmConfig vmm) {
    return NodeCostModel.calibrate(NodePresets.xt4(), os, vmm, CACHE);
  }

  /** A host whose only interruption is Palacios's scheduler tick (no timer, no daemons). */
  private static final HostOs BARE =
      new HostOs(
          "bare",
          0,
          0,
          0,
          0,
          2,
          HostOs.DEFAULT_WORK_POLLUTION_KIB * 1024,
          0,
          org.xtsim.node.os.DurationDistribution.Kind.FIXED,
          2);

  @Test
  void shouldAddTickRateTimesExitPlusHandlerCyclesPerSecond() {
    double f = 1_000;
    OsPersonality os = OsPersonalities.kitten().withTickHz(f);
    VmmConfig vmm =
        VmmConfig.nested(PageSize.SIZE_2M).withPreemption(HostPreemption.of(PreemptionPolicy.NONE));
    NodeCostModel m = model(os, vmm);
    long expectedTick =
        Math.round(
            vmm.exitCosts().directCycles(ExitType.INTR)
                + m.interruptRefillCycles()
                + os.tickHandlerCycles()
                + m.pollutionCycles(OsPersonalities.TICK_POLLUTION_BYTES));
    assertEquals(expectedTick, m.guestTickCycles());
    assertTrue(m.interruptRefillCycles() > 0, "VMRUN flushes the TLB without ASIDs");

    long workPs = SimTime.seconds(1);
    InterruptionState s = m.newInterruptionState(1, 1);
    long end = m.phaseEnd(s, 0, 0, workPs);
    long ticks = s.occurrences(0, 0);
    // The calibrated refill is a mean, not a whole number of cycles: time the unrounded tick.
    double tickCycles =
        vmm.exitCosts().directCycles(ExitType.INTR)
            + m.interruptRefillCycles()
            + os.tickHandlerCycles()
            + m.pollutionCycles(OsPersonalities.TICK_POLLUTION_BYTES);
    long tickPs = SimTime.fromCycles(tickCycles, NodePresets.xt4().clockHz());
    assertEquals(ticks * tickPs, end - workPs, "each tick adds exactly its cost");
    // f ticks per second of work, plus the ticks that fall in the overhead itself.
    double overheadFraction = f * tickPs / (double) SimTime.PS_PER_SECOND;
    double expectedTicks = f / (1 - overheadFraction);
    assertEquals(expectedTicks, ticks, 1.0);
  }

  @Test
  void shouldMakeGuestTicksCheaperNativelyAndWithAsids() {
    OsPersonality os = OsPersonalities.kitten();
    NodeCostModel natModel = model(os, VmmConfig.nativeNode());
    NodeCostModel asidModel = model(os, VmmConfig.nested(PageSize.SIZE_2M).withAsid(true));
    long nat = natModel.guestTickCycles();
    long flush = model(os, VmmConfig.nested(PageSize.SIZE_2M)).guestTickCycles();
    long asid = asidModel.guestTickCycles();
    long pollution = OsPersonalities.TICK_POLLUTION_BYTES;
    assertEquals(Math.round(os.tickHandlerCycles() + natModel.pollutionCycles(pollution)), nat);
    assertTrue(asid < flush);
    assertEquals(
        Math.round(
            os.tickHandlerCycles()
                + VmmConfig.nativeNode().exitCosts().directCycles(ExitType.INTR)
                + asidModel.pollutionCycles(pollution)),
        asid);
  }

  /** Mean over trials of the slowest of {@code nodes} nodes running one phase of {@code work}. */
  private static double meanMaxEnd(NodeCostModel m, int nodes, long workPs, int trials) {
    double sum = 0;
    for (int t = 0; t < trials; t++) {
      InterruptionState s = m.newInterruptionState(nodes, t);
      long start = SimTime.ms(37) * (t + 1);
      long max = 0;
      for (int n = 0; n < nodes; n++) {
        max = Math.max(max, m.phaseEnd(s, n, start, workPs) - start);
      }
      sum += max;
    }
    return sum / trials;
  }

  @Test
  void shouldHurtBulkSynchronousPhasesMoreWithUncontrolledPreemptionAtScale() {
    OsPersonality os = OsPersonalities.kitten().withTickHz(0);
    long work = SimTime.ms(1);
    NodeCostModel uncontrolled =
        model(
            os,
            VmmConfig.nested(PageSize.SIZE_2M)
                .withPreemption(HostPreemption.of(PreemptionPolicy.UNCONTROLLED).withHost(BARE)));
    NodeCostModel aligned =
        model(
            os,
            VmmConfig.nested(PageSize.SIZE_2M)
                .withPreemption(HostPreemption.of(PreemptionPolicy.ALIGNED).withHost(BARE)));
    NodeCostModel deferred =
        model(
            os,
            VmmConfig.nested(PageSize.SIZE_2M)
                .withPreemption(HostPreemption.of(PreemptionPolicy.DEFERRED).withHost(BARE)));

    double u1 = meanMaxEnd(uncontrolled, 1, work, 200);
    double u1024 = meanMaxEnd(uncontrolled, 1024, work, 20);
    double a1 = meanMaxEnd(aligned, 1, work, 20);
    double a1024 = meanMaxEnd(aligned, 1024, work, 20);
    double d1024 = meanMaxEnd(deferred, 1024, work, 20);
    long hit =
        SimTime.fromCycles(
            uncontrolled.interruptRefillCycles()
                + ExitCosts.defaults().directCycles(ExitType.INTR)
                + HostPreemption.DEFAULT_HOUSEKEEPING_CYCLES
                + uncontrolled.pollutionCycles(BARE.workPollutionBytes()),
            NodePresets.xt4().clockHz());
    // One node is hit with probability about 1 ms x 100 Hz = 0.1; among 1024 nodes one always is.
    assertEquals(work + 0.1 * hit, u1, 0.05 * hit);
    assertEquals(work + hit, u1024, 1e-9);
    assertEquals(a1, a1024, 1e-9, "aligned: the slowest node is no slower at scale");
    assertEquals(work, d1024, 1e-9, "deferred: host work waits for idle time");
    assertTrue(u1024 - u1 > 0.5 * hit);
  }

  @Test
  void shouldAbsorbDeferredHostWorkInIdleTimeAndDelayOnlyWhenIdleIsTooShort() {
    NodeCostModel m =
        model(
            OsPersonalities.kitten().withTickHz(0),
            VmmConfig.nested(PageSize.SIZE_2M)
                .withPreemption(HostPreemption.of(PreemptionPolicy.DEFERRED)));
    InterruptionState s = m.newInterruptionState(1, 1);
    long work = SimTime.ms(100); // 10 host ticks deferred
    long end = m.phaseEnd(s, 0, 0, work);
    assertEquals(work, end);
    long pending = s.pendingPs(0);
    assertTrue(pending > 0);
    // Long idle: absorbed. Back-to-back: the pending work delays the next phase.
    InterruptionState s2 = m.newInterruptionState(1, 1);
    long end1 = m.phaseEnd(s2, 0, 0, work);
    long end2 = m.phaseEnd(s2, 0, end1, SimTime.us(1));
    assertEquals(end1 + pending + SimTime.us(1), end2);
    long end3 = m.phaseEnd(s, 0, end + pending, SimTime.us(1));
    assertEquals(end + pending + SimTime.us(1), end3);
  }

  @Test
  void shouldKeepPerNodeStateSmall() {
    NodeCostModel m =
        model(OsPersonalities.computeNodeLinux(), VmmConfig.shadow(PageSize.SIZE_4K))
            .withNoise(new org.xtsim.node.os.NoiseInjection(10, SimTime.us(100), false));
    // guest tick, daemons, host preemption, Kitten host timer, injected noise
    assertEquals(5, m.interruptionSources().size());
    assertEquals(8 * (4 * 5 + 2), m.newInterruptionState(4096, 1).bytesPerNode());
  }

  @Test
  void shouldGiveIdenticalEndsForTheSameSeed() {
    NodeCostModel m = model(OsPersonalities.computeNodeLinux(), VmmConfig.shadow(PageSize.SIZE_4K));
    long[] a = new long[50];
    long[] b = new long[50];
    for (long[] out : new long[][] {a, b}) {
      InterruptionState s = m.newInterruptionState(1, 1);
      long t = 0;
      for (int i = 0; i < out.length; i++) {
        t = m.phaseEnd(s, 0, t + SimTime.us(10), SimTime.ms(3));
        out[i] = t;
      }
    }
    assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
  }
}
