package org.xtsim.vmm;

import org.xtsim.engine.SimTime;
import org.xtsim.node.os.DurationDistribution;

/**
 * The host operating system under Palacios, as the guest feels it: the host's timer interrupt and
 * the host's own daemons and kernel work, each interruption with the bytes its work touches (which
 * evicts the guest's cache lines and TLB entries). Palacios's own scheduler tick is {@link
 * HostPreemption#hostTickHz}. Presets: {@link #kitten()}, the host of the VEE 2011 study, and
 * {@link #linux()}, a full Linux host.
 *
 * @param name preset name
 * @param timerHz host timer-interrupt rate
 * @param timerHandlerCycles host work per timer interrupt
 * @param daemonHz wake-ups per second of host daemons and kernel threads (Poisson, per node); 0 for
 *     none
 * @param daemonMeanPs mean run time of one wake-up
 * @param daemonTailIndex tail index α of the Pareto run time (heavy tail), &gt; 1
 * @param workPollutionBytes bytes touched by the host's work at each timer or scheduler tick
 * @param daemonPollutionBytes bytes touched by one daemon wake-up
 * @param workDuration shape of the host's work at each tick (its timer handler and Palacios's
 *     scheduler housekeeping) around its mean: {@link DurationDistribution.Kind}
 * @param workTailIndex tail index α of that work when its shape is Pareto, &gt; 1
 */
public record HostOs(
    String name,
    double timerHz,
    long timerHandlerCycles,
    double daemonHz,
    long daemonMeanPs,
    double daemonTailIndex,
    long workPollutionBytes,
    long daemonPollutionBytes,
    DurationDistribution.Kind workDuration,
    double workTailIndex) {
  /** Kitten's timer tick: 10 Hz (HobbesOSR/kitten {@code kernel/sched.c}, 2010; parameters.md). */
  public static final double KITTEN_TIMER_HZ = 10;

  /** Kitten's tick handler: <em>assumption</em>, 2,000 cycles (a lightweight kernel's tick). */
  public static final long KITTEN_TIMER_HANDLER_CYCLES = 2_000;

  /**
   * Linux host timer: <em>assumption</em>, 250 Hz (the Linux 2.6 default {@code CONFIG_HZ}; distro
   * kernels of 2010 used 250 or 1,000).
   */
  public static final double LINUX_TIMER_HZ = 250;

  /** Linux tick handler: <em>assumption</em>, 5,000 cycles (scheduler tick, accounting, timers). */
  public static final long LINUX_TIMER_HANDLER_CYCLES = 5_000;

  /** Default host daemon wake-ups on a Linux host: <em>assumption</em>, 20 per second. */
  public static final double LINUX_DAEMON_HZ = 20;

  /** Default mean daemon run time: <em>assumption</em>, 50 µs (as the CNL guest's daemons). */
  public static final long DEFAULT_DAEMON_MEAN_US = 50;

  /**
   * Default tail index of daemon run times: <em>assumption</em>, 2 (infinite variance); OS noise on
   * Linux nodes is dominated by rare long events (Petrini, Kerbyson, Pakin, SC03; De, Kothari,
   * Mann, IBM, "Identifying sources of operating system jitter", 2007), the exponent is not
   * published.
   */
  public static final double DEFAULT_DAEMON_TAIL_INDEX = 2;

  /**
   * Default bytes a host tick's work touches: <em>assumption</em>, 16 KiB (run queue, timers,
   * Palacios's VM state, the handler's stack and code).
   */
  public static final long DEFAULT_WORK_POLLUTION_KIB = 16;

  /**
   * Default bytes a daemon wake-up touches: <em>assumption</em>, 256 KiB (a process's code and data
   * brought in; a quarter of the Opteron's 1 MB L2).
   */
  public static final long DEFAULT_DAEMON_POLLUTION_KIB = 256;

  /**
   * Default shape of the host's work at a tick: <em>assumption</em>, Pareto. A tick's work is not
   * the same every time: the handler runs whatever timers, deferred work and VM bookkeeping fell
   * due since the last one, and kernel work on HPC nodes shows rare long runs (Petrini, Kerbyson,
   * Pakin, SC03; Ferreira, Bridges, Brightwell, SC08 measured noise as a distribution, not a
   * constant). {@code fixed} gives every tick its mean.
   */
  public static final DurationDistribution.Kind DEFAULT_WORK_DURATION =
      DurationDistribution.Kind.PARETO;

  /**
   * Default tail index of the host's tick work: <em>assumption</em>, 2, the same unpublished
   * exponent as the daemons' ({@link #DEFAULT_DAEMON_TAIL_INDEX}).
   */
  public static final double DEFAULT_WORK_TAIL_INDEX = DEFAULT_DAEMON_TAIL_INDEX;

  /** Validates. */
  public HostOs {
    if (timerHz < 0
        || timerHandlerCycles < 0
        || daemonHz < 0
        || daemonMeanPs < 0
        || workPollutionBytes < 0
        || daemonPollutionBytes < 0) {
      throw new IllegalArgumentException(name + ": host rates and costs must be >= 0");
    }
    if (daemonHz > 0 && !(daemonTailIndex > 1)) {
      throw new IllegalArgumentException(name + ": daemon tail index must be > 1");
    }
    java.util.Objects.requireNonNull(workDuration, "workDuration");
    if (workDuration == DurationDistribution.Kind.PARETO && !(workTailIndex > 1)) {
      throw new IllegalArgumentException(name + ": host work tail index must be > 1");
    }
  }

  /**
   * The duration of one piece of host work at a tick whose mean is {@code meanPs}, in this host's
   * shape ({@link #workDuration}).
   */
  public DurationDistribution work(long meanPs) {
    switch (workDuration) {
      case FIXED:
        return DurationDistribution.fixed(meanPs);
      case EXPONENTIAL:
        return DurationDistribution.exponential(meanPs);
      case UNIFORM:
        return DurationDistribution.uniform(meanPs);
      case PARETO:
        return DurationDistribution.pareto(meanPs, workTailIndex);
      default:
        throw new AssertionError(workDuration);
    }
  }

  /** Kitten (the VEE 2011 host): a 10 Hz tick, no daemons. */
  public static HostOs kitten() {
    return new HostOs(
        "kitten",
        KITTEN_TIMER_HZ,
        KITTEN_TIMER_HANDLER_CYCLES,
        0,
        0,
        DEFAULT_DAEMON_TAIL_INDEX,
        DEFAULT_WORK_POLLUTION_KIB * 1024,
        0,
        DEFAULT_WORK_DURATION,
        DEFAULT_WORK_TAIL_INDEX);
  }

  /** A Linux host: a 250 Hz tick and daemons with heavy-tailed run times. */
  public static HostOs linux() {
    return new HostOs(
        "linux",
        LINUX_TIMER_HZ,
        LINUX_TIMER_HANDLER_CYCLES,
        LINUX_DAEMON_HZ,
        SimTime.us(DEFAULT_DAEMON_MEAN_US),
        DEFAULT_DAEMON_TAIL_INDEX,
        DEFAULT_WORK_POLLUTION_KIB * 1024,
        DEFAULT_DAEMON_POLLUTION_KIB * 1024,
        DEFAULT_WORK_DURATION,
        DEFAULT_WORK_TAIL_INDEX);
  }

  /** A preset by name: {@code kitten} or {@code linux}. */
  public static HostOs byName(String name) {
    switch (name) {
      case "kitten":
        return kitten();
      case "linux":
        return linux();
      default:
        throw new IllegalArgumentException("host must be kitten or linux, was '" + name + "'");
    }
  }

  /** A copy with other daemon noise (rate, mean run time, tail index). */
  public HostOs withDaemons(double hz, long meanPs, double tailIndex) {
    return new HostOs(
        name,
        timerHz,
        timerHandlerCycles,
        hz,
        meanPs,
        tailIndex,
        workPollutionBytes,
        daemonPollutionBytes,
        workDuration,
        workTailIndex);
  }

  /** A copy with another shape of the host's tick work ({@code tailIndex} used for Pareto). */
  public HostOs withWorkDuration(DurationDistribution.Kind shape, double tailIndex) {
    return new HostOs(
        name,
        timerHz,
        timerHandlerCycles,
        daemonHz,
        daemonMeanPs,
        daemonTailIndex,
        workPollutionBytes,
        daemonPollutionBytes,
        shape,
        tailIndex);
  }

  /** A copy with other pollution per tick and per daemon wake-up. */
  public HostOs withPollution(long workBytes, long daemonBytes) {
    return new HostOs(
        name,
        timerHz,
        timerHandlerCycles,
        daemonHz,
        daemonMeanPs,
        daemonTailIndex,
        workBytes,
        daemonBytes,
        workDuration,
        workTailIndex);
  }
}
