package org.xtsim.params;

/**
 * A cost written either in CPU cycles ({@code 1000cycles}, or a plain number for a key whose name
 * ends in {@code _cycles}) or as a duration ({@code 450ns}), which becomes cycles at the clock of
 * the simulated node once the point's node is known.
 *
 * @param cycles the cost in cycles, when written in cycles
 * @param picoseconds the cost as a duration, when written as one
 */
public record CycleCost(long cycles, long picoseconds) {
  /** Exactly one of the two is set. */
  public CycleCost {
    if (cycles < 0 || picoseconds < 0 || (cycles > 0 && picoseconds > 0)) {
      throw new IllegalArgumentException(
          "a cost is cycles or a duration, not both: " + cycles + ", " + picoseconds);
    }
  }

  /** A cost in cycles. */
  public static CycleCost ofCycles(long cycles) {
    return new CycleCost(cycles, 0);
  }

  /** A cost as a duration. */
  public static CycleCost ofPicoseconds(long picoseconds) {
    return new CycleCost(0, picoseconds);
  }

  /** The cost in cycles of a core clocked at {@code clockHz}. */
  public long cycles(double clockHz) {
    return picoseconds == 0 ? cycles : Math.round(picoseconds * clockHz / 1e12);
  }

  /**
   * Canonical text: the cycle count as a plain integer (as such keys were always written), or the
   * duration in picoseconds with its unit.
   */
  @Override
  public String toString() {
    return picoseconds == 0 ? Long.toString(cycles) : picoseconds + "ps";
  }
}
