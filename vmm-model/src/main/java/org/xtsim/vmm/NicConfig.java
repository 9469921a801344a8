package org.xtsim.vmm;

/**
 * Guest access to the NIC.
 *
 * @param mode passthrough or emulated
 * @param guestPolls whether the guest polls for completions (no interrupt, so no interrupt exit)
 * @param exitsPerSend I/O exits of one emulated send
 * @param exitsPerReceive I/O exits of one emulated receive
 * @param copyCyclesPerByte cycles per byte the emulated NIC spends copying data
 */
public record NicConfig(
    NicMode mode,
    boolean guestPolls,
    int exitsPerSend,
    int exitsPerReceive,
    double copyCyclesPerByte) {
  /** Emulated exits per send: <em>assumption</em>, 2 (doorbell and completion). */
  public static final int DEFAULT_EXITS_PER_SEND = 2;

  /** Emulated exits per receive: <em>assumption</em>, 2 (status and buffer). */
  public static final int DEFAULT_EXITS_PER_RECEIVE = 2;

  /** Emulated copy: <em>assumption</em>, 0.5 cycles per byte (2 bytes per cycle memcpy). */
  public static final double DEFAULT_COPY_CYCLES_PER_BYTE = 0.5;

  /** Validates. */
  public NicConfig {
    if (exitsPerSend < 0 || exitsPerReceive < 0 || copyCyclesPerByte < 0) {
      throw new IllegalArgumentException("NIC exit counts and copy cost must be >= 0");
    }
  }

  /** A NIC in {@code mode} with default costs; interrupts unless {@code guestPolls}. */
  public static NicConfig of(NicMode mode, boolean guestPolls) {
    return new NicConfig(
        mode,
        guestPolls,
        DEFAULT_EXITS_PER_SEND,
        DEFAULT_EXITS_PER_RECEIVE,
        DEFAULT_COPY_CYCLES_PER_BYTE);
  }
}
