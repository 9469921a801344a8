package org.xtsim.vmm;

import org.xtsim.engine.SimTime;

/**
 * The VMM's share of a message's host overheads (what virtualization adds to the native send and
 * receive overheads the network model already has). Passthrough adds nothing on the data path and,
 * unless the guest polls, one interrupt exit per receive; an emulated NIC adds I/O exits on every
 * send and receive plus a per-byte copy.
 */
public final class NicCosts {
  private final boolean virtualized;
  private final NicConfig nic;
  private final double clockHz;
  private final double ioExitCycles;
  private final double interruptExitCycles;

  NicCosts(
      boolean virtualized,
      NicConfig nic,
      double clockHz,
      double ioExitCycles,
      double interruptExitCycles) {
    this.virtualized = virtualized;
    this.nic = nic;
    this.clockHz = clockHz;
    this.ioExitCycles = ioExitCycles;
    this.interruptExitCycles = interruptExitCycles;
  }

  /** Exits of one send. */
  public int sendExits() {
    return virtualized && nic.mode() == NicMode.EMULATED ? nic.exitsPerSend() : 0;
  }

  /** Exits of one receive, polled or interrupt-driven. */
  public int receiveExits(boolean polled) {
    if (!virtualized) {
      return 0;
    }
    int interrupt = polled ? 0 : 1;
    return nic.mode() == NicMode.EMULATED ? nic.exitsPerReceive() + interrupt : interrupt;
  }

  /** Picoseconds the VMM adds to sending {@code bytes}. */
  public long sendOverheadPs(long bytes) {
    if (sendExits() == 0) {
      return 0;
    }
    return SimTime.fromCycles(
        sendExits() * ioExitCycles + bytes * nic.copyCyclesPerByte(), clockHz);
  }

  /** Picoseconds the VMM adds to receiving {@code bytes}; {@code polled} if the guest polls. */
  public long receiveOverheadPs(long bytes, boolean polled) {
    if (!virtualized) {
      return 0;
    }
    double cycles = polled ? 0 : interruptExitCycles;
    if (nic.mode() == NicMode.EMULATED) {
      cycles += nic.exitsPerReceive() * ioExitCycles + bytes * nic.copyCyclesPerByte();
    }
    return SimTime.fromCycles(cycles, clockHz);
  }
}
