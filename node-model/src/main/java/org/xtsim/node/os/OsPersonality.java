package org.xtsim.node.os;

import java.util.Optional;
import org.xtsim.node.PageSize;
import org.xtsim.node.PageTableActivity;

/**
 * An operating system as the node models see it, usable as the native OS or as a guest: its timer
 * tick, daemon noise, page size and page-table activity. Presets in {@link OsPersonalities}; change
 * a field with the {@code with} methods.
 *
 * @param name label, e.g. {@code "cnl"}
 * @param tickHz timer-tick rate; 0 for a tickless kernel
 * @param tickHandlerCycles cycles of the OS's tick handler
 * @param daemonNoise wake-ups of daemons and kernel threads, if any (Poisson, per node)
 * @param pageSize page size the OS maps application memory with
 * @param contextSwitchesPerSecond address-space switches (CR3 writes) per second of run time
 * @param mappingChangesPerSecond mmap/munmap pairs per second of run time
 * @param pageTableWritesPerMappingChange page-table entries written (and invalidated with INVLPG on
 *     unmap) per mmap/munmap pair
 * @param demandPaging whether memory is mapped on first touch (a page fault per page) rather than
 *     at load time
 * @param pageFaultCycles cycles of the OS's page-fault handler for a demand fault
 */
public record OsPersonality(
    String name,
    double tickHz,
    long tickHandlerCycles,
    Optional<InterruptionSource> daemonNoise,
    PageSize pageSize,
    double contextSwitchesPerSecond,
    double mappingChangesPerSecond,
    int pageTableWritesPerMappingChange,
    boolean demandPaging,
    long pageFaultCycles) {
  /** Validates. */
  public OsPersonality {
    if (tickHz < 0
        || tickHandlerCycles < 0
        || contextSwitchesPerSecond < 0
        || mappingChangesPerSecond < 0
        || pageTableWritesPerMappingChange < 0
        || pageFaultCycles < 0) {
      throw new IllegalArgumentException(name + ": OS rates and costs must be >= 0");
    }
  }

  /**
   * The page-table activity this OS adds to every phase: a CR3 write per context switch, and per
   * mapping change {@code pageTableWritesPerMappingChange} entry writes and as many INVLPGs.
   */
  public PageTableActivity activity() {
    double writes = mappingChangesPerSecond * pageTableWritesPerMappingChange;
    return new PageTableActivity(contextSwitchesPerSecond, writes, writes, 0);
  }

  /** Whether the OS's page tables never change while an application runs. */
  public boolean staticPageTables() {
    return contextSwitchesPerSecond == 0 && mappingChangesPerSecond == 0;
  }

  /** A copy with another tick rate. */
  public OsPersonality withTickHz(double hz) {
    return new OsPersonality(
        name,
        hz,
        tickHandlerCycles,
        daemonNoise,
        pageSize,
        contextSwitchesPerSecond,
        mappingChangesPerSecond,
        pageTableWritesPerMappingChange,
        demandPaging,
        pageFaultCycles);
  }

  /** A copy with another page size. */
  public OsPersonality withPageSize(PageSize size) {
    return new OsPersonality(
        name,
        tickHz,
        tickHandlerCycles,
        daemonNoise,
        size,
        contextSwitchesPerSecond,
        mappingChangesPerSecond,
        pageTableWritesPerMappingChange,
        demandPaging,
        pageFaultCycles);
  }

  /** A copy with other page-table activity rates. */
  public OsPersonality withPageTableActivity(
      double contextSwitchesPerSecond, double mappingChangesPerSecond) {
    return new OsPersonality(
        name,
        tickHz,
        tickHandlerCycles,
        daemonNoise,
        pageSize,
        contextSwitchesPerSecond,
        mappingChangesPerSecond,
        pageTableWritesPerMappingChange,
        demandPaging,
        pageFaultCycles);
  }

  /** A copy with other (or no) daemon noise. */
  public OsPersonality withDaemonNoise(Optional<InterruptionSource> noise) {
    return new OsPersonality(
        name,
        tickHz,
        tickHandlerCycles,
        noise,
        pageSize,
        contextSwitchesPerSecond,
        mappingChangesPerSecond,
        pageTableWritesPerMappingChange,
        demandPaging,
        pageFaultCycles);
  }
}
