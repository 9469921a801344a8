package org.xtsim.node;

/**
 * Page-table activity of a compute phase, as rates per second of the phase's run time before VMM
 * and interruption costs (compute, memory and address translation), plus memory it touches for the
 * first time.
 *
 * @param cr3WritesPerSecond address-space switches (guest CR3 writes)
 * @param pageTableWritesPerSecond writes to page-table entries (mapping changes)
 * @param invlpgPerSecond single-page TLB invalidations
 * @param firstTouchBytes memory the phase touches for the first time (demand faults)
 */
public record PageTableActivity(
    double cr3WritesPerSecond,
    double pageTableWritesPerSecond,
    double invlpgPerSecond,
    long firstTouchBytes) {
  /** No activity at all: static page tables, memory already mapped. */
  public static final PageTableActivity NONE = new PageTableActivity(0, 0, 0, 0);

  /** Validates. */
  public PageTableActivity {
    if (cr3WritesPerSecond < 0
        || pageTableWritesPerSecond < 0
        || invlpgPerSecond < 0
        || firstTouchBytes < 0) {
      throw new IllegalArgumentException("page-table activity must be >= 0");
    }
  }

  /** The sum of two activities (a phase's own plus its OS's). */
  public PageTableActivity plus(PageTableActivity o) {
    return new PageTableActivity(
        cr3WritesPerSecond + o.cr3WritesPerSecond,
        pageTableWritesPerSecond + o.pageTableWritesPerSecond,
        invlpgPerSecond + o.invlpgPerSecond,
        firstTouchBytes + o.firstTouchBytes);
  }
}
