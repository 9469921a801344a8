package org.xtsim.vmm;

import java.util.Locale;

/** How guest virtual addresses are translated. */
public enum PagingMode {
  /** No VMM: the OS's own page tables, 1-D walks. */
  NATIVE("native"),
  /**
   * Nested paging (AMD NPT): 2-D walks of guest and host tables, no exits on guest page-table
   * changes, a nested page fault (NPF) on the first touch of a host page.
   */
  NESTED("nested"),
  /**
   * Shadow paging, virtual-TLB strategy: exits on CR3 writes, INVLPG and #PF; a CR3 write discards
   * the shadow tables, which #PF exits refill.
   */
  SHADOW("shadow"),
  /**
   * Shadow paging with a shadow-table cache: shadow tables are kept across CR3 switches; guest page
   * tables are write-protected, so each guest page-table write exits.
   */
  SHADOW_CACHED("shadow-cached"),
  /** Shadow paging (virtual TLB) with the SwapBypass symbiotic swap cache. */
  SWAPBYPASS("swapbypass"),
  /**
   * Shadow or nested, chosen per phase by the VMM's {@link SymSpyPagingPolicy} from what it
   * observes: the guest's CR3 and page-table write rates read through SymSpy, and its TLB miss
   * rate.
   */
  AUTOMATIC("automatic"),
  /**
   * Shadow or nested, whichever the cost model finds cheaper for the phase: an oracle no VMM has,
   * the bound {@link #AUTOMATIC} is compared with.
   */
  AUTOMATIC_ORACLE("automatic-oracle");

  private final String label;

  PagingMode(String label) {
    this.label = label;
  }

  /** Whether translations go through shadow page tables. */
  public boolean shadow() {
    return this == SHADOW || this == SHADOW_CACHED || this == SWAPBYPASS;
  }

  /** Whether the mode is chosen per phase between shadow and nested paging. */
  public boolean selectsPerPhase() {
    return this == AUTOMATIC || this == AUTOMATIC_ORACLE;
  }

  /** Whether a guest CR3 write discards the shadow tables (virtual-TLB strategy). */
  public boolean discardsOnCr3() {
    return this == SHADOW || this == SWAPBYPASS;
  }

  /** Parses a label ({@code native}, {@code nested}, {@code shadow}, ...). */
  public static PagingMode parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (PagingMode m : values()) {
      if (m.label.equals(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "mode must be one of native, nested, shadow, shadow-cached, swapbypass, automatic,"
            + " automatic-oracle, was '"
            + text
            + "'");
  }

  @Override
  public String toString() {
    return label;
  }
}
