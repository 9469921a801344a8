package org.xtsim.vmm;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one VM exit costs: the world switch (VMRUN/#VMEXIT round trip) plus a handler cost per exit
 * type; the TLB refill after re-entry is measured by the TLB simulator and added by the cost model
 * when {@code flushTlbOnVmrun} is set (Palacios sets {@code TLB_CONTROL=1}: a full flush on every
 * VMRUN; with ASIDs the flush is avoided).
 *
 * <p>All defaults are <em>assumptions</em> (parameters.md: direct world-switch cost of the order of
 * 1,000–2,000 cycles on hardware of that era): sweep them.
 *
 * @param worldSwitchCycles cycles of one VMRUN/#VMEXIT round trip
 * @param handlerCycles VMM handler cycles per exit type
 * @param flushTlbOnVmrun whether every VMRUN flushes the TLB (no ASIDs)
 */
public record ExitCosts(
    long worldSwitchCycles, Map<ExitType, Long> handlerCycles, boolean flushTlbOnVmrun) {
  /** World switch: <em>assumption</em>, 1,500 cycles (middle of 1,000–2,000). */
  public static final long DEFAULT_WORLD_SWITCH_CYCLES = 1_500;

  /** Validates and copies; every exit type needs a handler cost. */
  public ExitCosts {
    EnumMap<ExitType, Long> copy = new EnumMap<>(ExitType.class);
    copy.putAll(handlerCycles);
    for (ExitType t : ExitType.values()) {
      if (copy.getOrDefault(t, -1L) < 0) {
        throw new IllegalArgumentException("handler cycles missing or negative for " + t);
      }
    }
    if (worldSwitchCycles < 0) {
      throw new IllegalArgumentException("worldSwitchCycles must be >= 0");
    }
    handlerCycles = Map.copyOf(copy);
  }

  /**
   * Default handler costs, all <em>assumptions</em>: I/O emulation 3,000; shadow fill (#PF) 2,500;
   * NPF 3,000; CR3 write 2,000; INVLPG 1,000; interrupt 1,000; MSR, hypercall 1,000; CR0/4/8 800;
   * CPUID, HLT 500; PAUSE, RDTSC 300; NMI, SMI 1,000.
   */
  public static ExitCosts defaults() {
    EnumMap<ExitType, Long> h = new EnumMap<>(ExitType.class);
    h.put(ExitType.IOIO, 3_000L);
    h.put(ExitType.MSR, 1_000L);
    h.put(ExitType.CPUID, 500L);
    h.put(ExitType.CR0, 800L);
    h.put(ExitType.CR3, 2_000L);
    h.put(ExitType.CR4, 800L);
    h.put(ExitType.CR8, 800L);
    h.put(ExitType.PF, 2_500L);
    h.put(ExitType.NPF, 3_000L);
    h.put(ExitType.INVLPG, 1_000L);
    h.put(ExitType.VMMCALL, 1_000L);
    h.put(ExitType.INTR, 1_000L);
    h.put(ExitType.NMI, 1_000L);
    h.put(ExitType.SMI, 1_000L);
    h.put(ExitType.HLT, 500L);
    h.put(ExitType.PAUSE, 300L);
    h.put(ExitType.RDTSC, 300L);
    return new ExitCosts(DEFAULT_WORLD_SWITCH_CYCLES, h, true);
  }

  /** Direct cycles of one exit of {@code type}: world switch plus handler. */
  public long directCycles(ExitType type) {
    return worldSwitchCycles + handlerCycles.get(type);
  }

  /** A copy with another world-switch cost. */
  public ExitCosts withWorldSwitchCycles(long cycles) {
    return new ExitCosts(cycles, handlerCycles, flushTlbOnVmrun);
  }

  /** A copy with another handler cost for one type. */
  public ExitCosts withHandlerCycles(ExitType type, long cycles) {
    EnumMap<ExitType, Long> h = new EnumMap<>(handlerCycles);
    h.put(type, cycles);
    return new ExitCosts(worldSwitchCycles, h, flushTlbOnVmrun);
  }

  /** A copy that uses ASIDs (no TLB flush on VMRUN) or not. */
  public ExitCosts withAsid(boolean asid) {
    return new ExitCosts(worldSwitchCycles, handlerCycles, !asid);
  }
}
