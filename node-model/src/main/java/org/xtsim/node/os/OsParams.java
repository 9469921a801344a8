package org.xtsim.node.os;

import java.util.List;
import org.xtsim.engine.SimTime;
import org.xtsim.params.Dimension;
import org.xtsim.params.Param;
import org.xtsim.params.ParamValues;

/**
 * The operating system of a node and the noise injected into it (configuration keys of an
 * experiment), declared once, with the models they build.
 */
public final class OsParams {
  /** The guest (or native) OS. */
  public static final Param GUEST =
      Param.choice("guest", OsPersonalities.NAMES)
          .defaultValue("catamount")
          .meaning("guest (or native) OS: Catamount, Compute Node Linux, Kitten")
          .source("Red Storm literature; Kitten sources (HobbesOSR/kitten); see OsPersonalities");

  /** Net injected noise. */
  public static final Param NOISE_PCT =
      Param.decimal("noise_pct", 0, 99)
          .in(Dimension.PERCENT, "%")
          .defaultValue(0.0)
          .meaning("net injected OS noise, percent of CPU time (0: none)")
          .source("Ferreira, Bridges, Brightwell, SC08 (2.5 % in their study)");

  /** Frequency of injected noise events. */
  public static final Param NOISE_FREQUENCY_HZ =
      Param.decimal("noise_frequency_hz", 1e-3, 1e6)
          .in(Dimension.FREQUENCY, "Hz")
          .noDefault("required when noise_pct > 0")
          .meaning("frequency of injected noise events; each lasts noise_pct / 100 / frequency")
          .source("Ferreira, Bridges, Brightwell, SC08 (swept 10 Hz to 10 kHz)");

  /** Whether injected noise hits every node at the same times. */
  public static final Param NOISE_SYNC =
      Param.bool("noise_sync")
          .defaultValue(false)
          .meaning("injected noise at the same times on every node (synchronised)")
          .source("Ferreira, Bridges, Brightwell, SC08 (synchronised and unsynchronised noise)");

  /** Guest context switches that write CR3. */
  public static final Param CONTEXT_SWITCHES_HZ =
      Param.decimal("guest_context_switches_hz", 0, 1e6)
          .in(Dimension.FREQUENCY, "Hz")
          .noDefault(
              "the guest's: "
                  + plain(OsPersonalities.CNL_CONTEXT_SWITCHES_PER_SECOND)
                  + " on cnl (2 per daemon wake-up), none on catamount and kitten")
          .meaning(
              "guest context switches per second that write CR3 (each discards the shadow page"
                  + " tables under shadow paging, which #PF exits then refill)")
          .source(
              Param.ASSUMPTION
                  + ": CNL 2 per daemon wake-up at 10 wake-ups/s; not measured on the XT; the"
                  + " lightweight kernels run one process and never switch");

  /** Guest mmap/munmap pairs. */
  public static final Param MAPPING_CHANGES_HZ =
      Param.decimal("guest_mapping_changes_hz", 0, 1e6)
          .in(Dimension.FREQUENCY, "Hz")
          .noDefault(
              "the guest's: "
                  + plain(OsPersonalities.CNL_MAPPING_CHANGES_PER_SECOND)
                  + " on cnl, none on catamount and kitten")
          .meaning(
              "guest mmap/munmap pairs per second, each writing page-table entries (an exit per"
                  + " write under shadow paging)")
          .source(Param.ASSUMPTION + ": CNL 5/s (malloc of large buffers); not measured");

  /** The guest and noise parameters, in the order to document them. */
  public static final List<Param> ALL =
      List.of(
          GUEST,
          CONTEXT_SWITCHES_HZ,
          MAPPING_CHANGES_HZ,
          NOISE_PCT,
          NOISE_FREQUENCY_HZ,
          NOISE_SYNC);

  private OsParams() {}

  /** A rate as documentation writes it: 20, not 20.0. */
  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The OS personality {@code values} name, with the page-table activity keys applied. */
  public static OsPersonality guest(ParamValues values) {
    OsPersonality preset = OsPersonalities.byName(values.text(GUEST));
    if (!values.has(CONTEXT_SWITCHES_HZ) && !values.has(MAPPING_CHANGES_HZ)) {
      return preset;
    }
    return preset.withPageTableActivity(
        values.has(CONTEXT_SWITCHES_HZ)
            ? values.doubleValue(CONTEXT_SWITCHES_HZ)
            : preset.contextSwitchesPerSecond(),
        values.has(MAPPING_CHANGES_HZ)
            ? values.doubleValue(MAPPING_CHANGES_HZ)
            : preset.mappingChangesPerSecond());
  }

  /**
   * Injected noise, or null when {@code noise_pct} is 0.
   *
   * @throws IllegalArgumentException when noise is asked for without a frequency
   */
  public static NoiseInjection noise(ParamValues values) {
    double pct = values.doubleValue(NOISE_PCT);
    if (pct == 0) {
      return null;
    }
    if (!values.has(NOISE_FREQUENCY_HZ)) {
      throw new IllegalArgumentException("noise_pct needs noise_frequency_hz");
    }
    double frequency = values.doubleValue(NOISE_FREQUENCY_HZ);
    double durationSeconds = pct / 100 / frequency;
    return new NoiseInjection(frequency, SimTime.seconds(durationSeconds), values.bool(NOISE_SYNC));
  }
}
