package org.xtsim.vmm;

/** How the guest reaches the SeaStar NIC. */
public enum NicMode {
  /** The NIC is mapped into the guest: no exits on the data path. */
  PASSTHROUGH,
  /** The VMM emulates the NIC: exits on every send and receive plus a copy of the data. */
  EMULATED;

  /** Parses a lower-case name. */
  public static NicMode parse(String text) {
    for (NicMode m : values()) {
      if (m.name().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "nic must be one of passthrough, emulated, was '" + text + "'");
  }
}
