package org.xtsim.node.os;

import java.util.Locale;
import java.util.Optional;
import org.xtsim.engine.SimTime;
import org.xtsim.node.PageSize;

/**
 * Presets for the three node operating systems of the Red Storm era (parameters.md, "Operating
 * systems on the node"). Rates and costs marked <em>assumption</em> have no measured source; sweep
 * them.
 */
public final class OsPersonalities {
  /** Catamount tick: <em>assumption</em>, 10 Hz like Kitten (Catamount is nearly noiseless). */
  public static final double CATAMOUNT_TICK_HZ = 10;

  /** Lightweight-kernel tick handler: <em>assumption</em>, 2,000 cycles. */
  public static final long LWK_TICK_HANDLER_CYCLES = 2_000;

  /** CNL tick: <em>assumption</em>, 250 Hz (Linux 2.6 default HZ). */
  public static final double CNL_TICK_HZ = 250;

  /** CNL tick handler: <em>assumption</em>, 5,000 cycles (scheduler tick, accounting). */
  public static final long CNL_TICK_HANDLER_CYCLES = 5_000;

  /** CNL daemon wake-ups: <em>assumption</em>, 10 per second, Poisson. */
  public static final double CNL_DAEMON_RATE_HZ = 10;

  /** CNL daemon run time: <em>assumption</em>, exponential with mean 50 µs. */
  public static final long CNL_DAEMON_MEAN_PS = SimTime.us(50);

  /**
   * CNL context switches that write CR3: two per daemon wake-up (to the daemon and back to the
   * application), 20 per second; kernel threads borrow the running process's page tables (lazy TLB)
   * and write none. As the daemon rate, an <em>assumption</em>: {@code guest_context_switches_hz}
   * sweeps it.
   */
  public static final double CNL_CONTEXT_SWITCHES_PER_SECOND = 2 * CNL_DAEMON_RATE_HZ;

  /** CNL mmap/munmap pairs: <em>assumption</em>, 5 per second (malloc of large buffers). */
  public static final double CNL_MAPPING_CHANGES_PER_SECOND = 5;

  /** Page-table entries written per mapping change: <em>assumption</em>, 64 (a 256 KB buffer). */
  public static final int CNL_PTE_WRITES_PER_MAPPING_CHANGE = 64;

  /** Linux demand-fault handler: <em>assumption</em>, 3,000 cycles. */
  public static final long CNL_PAGE_FAULT_CYCLES = 3_000;

  /**
   * Bytes a guest tick handler touches (and so evicts from the application's cache and TLB):
   * <em>assumption</em>, 4 KiB (run queue, timer list, the handler's stack and code).
   */
  public static final long TICK_POLLUTION_BYTES = 4 * 1024;

  /**
   * Bytes a guest daemon wake-up touches: <em>assumption</em>, 256 KiB (a process's code and data;
   * a quarter of the Opteron's 1 MB L2).
   */
  public static final long DAEMON_POLLUTION_BYTES = 256 * 1024;

  /** Kitten tick: 10 Hz (HobbesOSR/kitten {@code kernel/sched.c}, 2010). */
  public static final double KITTEN_TICK_HZ = 10;

  private OsPersonalities() {}

  /**
   * Catamount: almost no noise, physically contiguous memory mapped in 2 MB pages at load time,
   * page tables never changed.
   */
  public static OsPersonality catamount() {
    return new OsPersonality(
        "catamount",
        CATAMOUNT_TICK_HZ,
        LWK_TICK_HANDLER_CYCLES,
        Optional.empty(),
        PageSize.SIZE_2M,
        0,
        0,
        0,
        false,
        0);
  }

  /**
   * Compute Node Linux: a 250 Hz tick, daemon noise, 4 KB pages, demand paging, page-table changes
   * from context switches and mmap/munmap.
   */
  public static OsPersonality computeNodeLinux() {
    return new OsPersonality(
        "cnl",
        CNL_TICK_HZ,
        CNL_TICK_HANDLER_CYCLES,
        Optional.of(
            new InterruptionSource(
                "cnl daemons",
                InterruptionSource.Arrival.POISSON,
                CNL_DAEMON_RATE_HZ,
                DurationDistribution.exponential(CNL_DAEMON_MEAN_PS),
                InterruptionSource.Timing.PER_NODE,
                false)),
        PageSize.SIZE_4K,
        CNL_CONTEXT_SWITCHES_PER_SECOND,
        CNL_MAPPING_CHANGES_PER_SECOND,
        CNL_PTE_WRITES_PER_MAPPING_CHANGE,
        true,
        CNL_PAGE_FAULT_CYCLES);
  }

  /** Kitten: a 10 Hz tick, large (2 MB) pages, static page tables. */
  public static OsPersonality kitten() {
    return new OsPersonality(
        "kitten",
        KITTEN_TICK_HZ,
        LWK_TICK_HANDLER_CYCLES,
        Optional.empty(),
        PageSize.SIZE_2M,
        0,
        0,
        0,
        false,
        0);
  }

  /** The OS names {@link #byName} knows. */
  public static final java.util.List<String> NAMES =
      java.util.List.of("catamount", "cnl", "kitten");

  /** A preset by name: {@code catamount}, {@code cnl}, {@code kitten}. */
  public static OsPersonality byName(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "catamount":
        return catamount();
      case "cnl":
        return computeNodeLinux();
      case "kitten":
        return kitten();
      default:
        throw new IllegalArgumentException(
            "os must be one of " + String.join(", ", NAMES) + ", was '" + name + "'");
    }
  }
}
