package org.xtsim.vmm;

import java.util.EnumMap;
import java.util.Map;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.PageSize;

/**
 * How a node is virtualized (or not): paging mode and host page size, exit costs (with or without
 * ASIDs), host preemption, NIC access, symbiotic costs and guest memory pressure. The guest's page
 * size is the guest OS's ({@link org.xtsim.node.os.OsPersonality#pageSize()}).
 *
 * @param mode paging mode
 * @param hostPage page size of the VMM's host mappings
 * @param exitCosts world switch, handlers, TLB flush on VMRUN
 * @param preemption host preemption and its policy
 * @param nic NIC access
 * @param symbiotic SymSpy and SymCall costs
 * @param swap guest memory pressure and SwapBypass cache
 * @param interruptRefillPattern the pattern whose TLB refill is charged to each interruption exit
 *     (ticks, host preemption), since interruptions do not know the phase they hit
 * @param guestExitRatesPerSecond other exits the guest causes while computing, per second
 * @param pagingPolicy how {@link PagingMode#AUTOMATIC} chooses a phase's paging mode
 * @param nativeTranslation a what-if: the guest's addresses translate as on the bare machine (the
 *     native TLB and page walk, no paging exits) whatever the paging mode; false in every real
 *     configuration. With every other VMM cost switched off too, a virtualized run must take
 *     exactly the native time.
 */
public record VmmConfig(
    PagingMode mode,
    PageSize hostPage,
    ExitCosts exitCosts,
    HostPreemption preemption,
    NicConfig nic,
    SymbioticCosts symbiotic,
    SwapConfig swap,
    AccessPattern interruptRefillPattern,
    Map<ExitType, Double> guestExitRatesPerSecond,
    SymSpyPagingPolicy pagingPolicy,
    boolean nativeTranslation) {
  /** Validates and copies. */
  public VmmConfig {
    guestExitRatesPerSecond = Map.copyOf(guestExitRatesPerSecond);
    for (Map.Entry<ExitType, Double> e : guestExitRatesPerSecond.entrySet()) {
      if (!(e.getValue() >= 0)) {
        throw new IllegalArgumentException("exit rate of " + e.getKey() + " must be >= 0");
      }
    }
  }

  /** Default interruption refill pattern: a 64 MiB stencil sweep (an HPCCG-like rank). */
  public static final AccessPattern DEFAULT_REFILL_PATTERN =
      AccessPattern.of(AccessKind.STENCIL, 64L << 20);

  /** No VMM: the OS runs on the hardware. */
  public static VmmConfig nativeNode() {
    return of(PagingMode.NATIVE, PageSize.SIZE_4K)
        .withPreemption(HostPreemption.of(PreemptionPolicy.NONE));
  }

  /** Nested paging with host pages of {@code hostPage}. */
  public static VmmConfig nested(PageSize hostPage) {
    return of(PagingMode.NESTED, hostPage);
  }

  /** Shadow paging, virtual-TLB strategy. */
  public static VmmConfig shadow(PageSize hostPage) {
    return of(PagingMode.SHADOW, hostPage);
  }

  /** Shadow paging with the shadow-table cache. */
  public static VmmConfig shadowCached(PageSize hostPage) {
    return of(PagingMode.SHADOW_CACHED, hostPage);
  }

  /** Shadow paging with SwapBypass for a guest under memory pressure. */
  public static VmmConfig swapBypass(SwapConfig swap) {
    return of(PagingMode.SWAPBYPASS, PageSize.SIZE_4K).withSwap(swap);
  }

  /** Shadow or nested chosen per phase by the SymSpy policy ({@link SymSpyPagingPolicy}). */
  public static VmmConfig automatic(PageSize hostPage) {
    return of(PagingMode.AUTOMATIC, hostPage);
  }

  /** Shadow or nested, whichever the cost model says is cheaper for each phase (the oracle). */
  public static VmmConfig automaticOracle(PageSize hostPage) {
    return of(PagingMode.AUTOMATIC_ORACLE, hostPage);
  }

  /**
   * {@code mode} with Palacios defaults: full TLB flush on VMRUN, uncontrolled 100 Hz host tick,
   * passthrough NIC with interrupts, no memory pressure.
   */
  public static VmmConfig of(PagingMode mode, PageSize hostPage) {
    return new VmmConfig(
        mode,
        hostPage,
        ExitCosts.defaults(),
        HostPreemption.of(PreemptionPolicy.UNCONTROLLED),
        NicConfig.of(NicMode.PASSTHROUGH, false),
        SymbioticCosts.DEFAULTS,
        SwapConfig.NONE,
        DEFAULT_REFILL_PATTERN,
        Map.of(),
        SymSpyPagingPolicy.DEFAULTS,
        false);
  }

  /** Whether a VMM is present. */
  public boolean virtualized() {
    return mode != PagingMode.NATIVE;
  }

  /** A copy with ASIDs (no TLB flush on VMRUN) or without. */
  public VmmConfig withAsid(boolean asid) {
    return withExitCosts(exitCosts.withAsid(asid));
  }

  /** A copy with other exit costs. */
  public VmmConfig withExitCosts(ExitCosts e) {
    return new VmmConfig(
        mode,
        hostPage,
        e,
        preemption,
        nic,
        symbiotic,
        swap,
        interruptRefillPattern,
        guestExitRatesPerSecond,
        pagingPolicy,
        nativeTranslation);
  }

  /** A copy with another preemption policy. */
  public VmmConfig withPreemption(HostPreemption p) {
    return new VmmConfig(
        mode,
        hostPage,
        exitCosts,
        p,
        nic,
        symbiotic,
        swap,
        interruptRefillPattern,
        guestExitRatesPerSecond,
        pagingPolicy,
        nativeTranslation);
  }

  /** A copy with another NIC configuration. */
  public VmmConfig withNic(NicConfig n) {
    return new VmmConfig(
        mode,
        hostPage,
        exitCosts,
        preemption,
        n,
        symbiotic,
        swap,
        interruptRefillPattern,
        guestExitRatesPerSecond,
        pagingPolicy,
        nativeTranslation);
  }

  /** A copy with other symbiotic costs. */
  public VmmConfig withSymbiotic(SymbioticCosts s) {
    return new VmmConfig(
        mode,
        hostPage,
        exitCosts,
        preemption,
        nic,
        s,
        swap,
        interruptRefillPattern,
        guestExitRatesPerSecond,
        pagingPolicy,
        nativeTranslation);
  }

  /** A copy with memory pressure. */
  public VmmConfig withSwap(SwapConfig s) {
    return new VmmConfig(
        mode,
        hostPage,
        exitCosts,
        preemption,
        nic,
        symbiotic,
        s,
        interruptRefillPattern,
        guestExitRatesPerSecond,
        pagingPolicy,
        nativeTranslation);
  }

  /** A copy in which the guest causes {@code perSecond} exits of {@code type} while computing. */
  public VmmConfig withGuestExitRate(ExitType type, double perSecond) {
    EnumMap<ExitType, Double> rates = new EnumMap<>(ExitType.class);
    rates.putAll(guestExitRatesPerSecond);
    rates.put(type, perSecond);
    return new VmmConfig(
        mode,
        hostPage,
        exitCosts,
        preemption,
        nic,
        symbiotic,
        swap,
        interruptRefillPattern,
        rates,
        pagingPolicy,
        nativeTranslation);
  }

  /** A copy whose guest translates addresses as on the bare machine ({@code nativeTranslation}). */
  public VmmConfig withNativeTranslation(boolean on) {
    return new VmmConfig(
        mode,
        hostPage,
        exitCosts,
        preemption,
        nic,
        symbiotic,
        swap,
        interruptRefillPattern,
        guestExitRatesPerSecond,
        pagingPolicy,
        on);
  }

  /** A copy in another paging mode. */
  public VmmConfig withMode(PagingMode m) {
    return new VmmConfig(
        m,
        hostPage,
        exitCosts,
        preemption,
        nic,
        symbiotic,
        swap,
        interruptRefillPattern,
        guestExitRatesPerSecond,
        pagingPolicy,
        nativeTranslation);
  }

  /** A copy with another automatic paging policy. */
  public VmmConfig withPagingPolicy(SymSpyPagingPolicy policy) {
    return new VmmConfig(
        mode,
        hostPage,
        exitCosts,
        preemption,
        nic,
        symbiotic,
        swap,
        interruptRefillPattern,
        guestExitRatesPerSecond,
        policy,
        nativeTranslation);
  }
}
