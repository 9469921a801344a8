package org.xtsim.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;
import org.xtsim.node.NodePresets;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.InterruptionSource;
import org.xtsim.node.os.InterruptionState;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.node.os.OsPersonality;
import org.xtsim.params.ParamValues;
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
    long ret = returnToGuestPs(uncontrolled);
    long hit = ret + housekeepingPs();
    // One node is hit with probability about 1 ms x 100 Hz = 0.1; among 1024 nodes one always is.
    assertEquals(work + 0.1 * hit, u1, 0.05 * hit);
    assertEquals(work + hit, u1024, 1e-9);
    assertEquals(a1, a1024, 1e-9, "aligned: the slowest node is no slower at scale");
    // The host did its work while the nodes were idle before the phase; each pays the return.
    assertEquals(work + ret, d1024, 2, "deferred: host work waits for idle time");
    assertTrue(u1024 - u1 > 0.5 * hit);
  }

  @Test
  void shouldLetTheHostWaitForIdleTimeUnlessItsWorkHasWaitedTheLimit() {
    VmmConfig vmm = VmmConfig.nested(PageSize.SIZE_2M);
    HostPreemption controlled = HostPreemption.of(PreemptionPolicy.DEFERRED).withHost(BARE);
    NodeCostModel patient =
        model(OsPersonalities.kitten().withTickHz(0), vmm.withPreemption(controlled));
    NodeCostModel limited =
        model(
            OsPersonalities.kitten().withTickHz(0),
            vmm.withPreemption(controlled.withDeferralLimit(SimTime.ms(5))));
    long work = SimTime.ms(100); // 10 host ticks come while the guest computes
    InterruptionState s = patient.newInterruptionState(1, 1);
    assertEquals(work, patient.phaseEnd(s, 0, 0, work), "no idle time: the host waits");
    assertEquals(work + SimTime.us(1), patient.phaseEnd(s, 0, work, SimTime.us(1)));
    assertTrue(s.pendingPs(0) > 0);

    long hit = returnToGuestPs(patient) + housekeepingPs();
    long delay = limited.phaseEnd(limited.newInterruptionState(1, 1), 0, 0, work) - work;
    // Each tick's work waits 5 ms, then takes the core: 9 or 10 of them fall due in the phase.
    assertTrue(delay >= 9 * hit - 10 && delay <= 10 * hit + 10, delay + " vs " + hit);
  }

  @Test
  void shouldKeepTheHostTimerAnInterruptUnderControlledPreemption() {
    NodeCostModel m =
        model(
            OsPersonalities.catamount(),
            VmmConfig.nested(PageSize.SIZE_2M)
                .withPreemption(HostPreemption.of(PreemptionPolicy.DEFERRED)));
    InterruptionSource timer = source(m, "host timer");
    InterruptionSource tick = source(m, "host preemption");
    assertFalse(timer.deferred(), "a hardware interrupt exits at once");
    assertEquals(0, timer.resumeCostPs());
    assertTrue(tick.deferred());
    assertTrue(tick.resumeCostPs() > 0, "the return to the guest and the refill stay");
    // The same work, only placed differently: uncontrolled puts the return into the duration.
    NodeCostModel u =
        model(
            OsPersonalities.catamount(),
            VmmConfig.nested(PageSize.SIZE_2M)
                .withPreemption(HostPreemption.of(PreemptionPolicy.UNCONTROLLED)));
    assertEquals(
        source(u, "host preemption").duration().meanPs(),
        tick.duration().meanPs() + tick.resumeCostPs(),
        2);
  }

  @Test
  void shouldTakeTheDeferralLimitAsAConfigurationKeyAndWaitWithoutOneByDefault() {
    double hz = NodePresets.xt4().clockHz();
    VmmConfig plain =
        VmmParams.config(
            ParamValues.parse(
                VmmParams.ALL, java.util.Map.of("vmm", "nested", "preemption", "controlled")),
            hz);
    assertEquals(PreemptionPolicy.DEFERRED, plain.preemption().policy());
    assertEquals(SimTime.NEVER, plain.preemption().deferralLimitPs());
    VmmConfig limited =
        VmmParams.config(
            ParamValues.parse(
                VmmParams.ALL,
                java.util.Map.of(
                    "vmm", "nested", "preemption", "controlled", "host_deferral_limit_ms", "2.5")),
            hz);
    assertEquals(SimTime.us(2_500), limited.preemption().deferralLimitPs());
    assertEquals(SimTime.us(2_500), model(OsPersonalities.catamount(), limited).deferralLimitPs());
  }

  /** A tick's return to the guest on a {@link #BARE} host: the exit, refill and pollution. */
  private static long returnToGuestPs(NodeCostModel m) {
    return SimTime.fromCycles(
        m.interruptRefillCycles()
            + ExitCosts.defaults().directCycles(ExitType.INTR)
            + m.pollutionCycles(BARE.workPollutionBytes()),
        NodePresets.xt4().clockHz());
  }

  /** Palacios's housekeeping at a tick, of fixed length on a {@link #BARE} host. */
  private static long housekeepingPs() {
    return SimTime.fromCycles(
        HostPreemption.DEFAULT_HOUSEKEEPING_CYCLES, NodePresets.xt4().clockHz());
  }

  private static InterruptionSource source(NodeCostModel m, String name) {
    return m.interruptionSources().stream()
        .filter(x -> x.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldKeepPerNodeStateSmall() {
    NodeCostModel m =
        model(OsPersonalities.computeNodeLinux(), VmmConfig.shadow(PageSize.SIZE_4K))
            .withNoise(new org.xtsim.node.os.NoiseInjection(10, SimTime.us(100), false));
    // guest tick, daemons, host preemption, Kitten host timer, injected noise
    assertEquals(5, m.interruptionSources().size());
    assertEquals(8 * (4 * 5 + 4), m.newInterruptionState(4096, 1).bytesPerNode());
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
