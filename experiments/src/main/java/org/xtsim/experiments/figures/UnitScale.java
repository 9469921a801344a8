package org.xtsim.experiments.figures;

import java.util.List;

/**
 * The unit a quantity is shown in: the SI prefix that puts the largest magnitude of the data
 * between 1 and 1000 (130 ms rather than 1.3E8 ns; 2.1 GFLOPS rather than 2100 MFLOPS). Units
 * without a known SI base (%, exits, calls) are shown as they are.
 *
 * @param unit the unit to show, e.g. "ms"
 * @param factor what a value in the original unit is multiplied by to be in {@code unit}
 */
record UnitScale(String unit, double factor) {
  /** Units that take SI prefixes; time takes none above the plain second. */
  private static final List<String> BASES =
      List.of("s", "FLOPS", "Hz", "B", "B/s", "bit/s", "b/s", "W", "J");

  private static final String[] PREFIXES = {"n", "µ", "m", "", "k", "M", "G", "T"};
  private static final int NONE = 3;

  /** The unit as it is. */
  static UnitScale identity(String unit) {
    return new UnitScale(unit, 1);
  }

  /** The scale for data in {@code unit} whose largest magnitude is {@code maxAbs}. */
  static UnitScale choose(String unit, double maxAbs) {
    int from = prefixOf(unit);
    if (from < 0 || !(maxAbs > 0) || Double.isInfinite(maxAbs)) {
      return identity(unit);
    }
    String base = from == NONE ? unit : unit.substring(1);
    double inBase = maxAbs * Math.pow(1000, from - NONE);
    int to = NONE + (int) Math.floor(Math.log10(inBase) / 3 + 1e-9);
    int highest = base.equals("s") ? NONE : PREFIXES.length - 1;
    int lowest = base.equals("s") ? 0 : NONE;
    to = Math.max(lowest, Math.min(highest, to));
    return new UnitScale(PREFIXES[to] + base, Math.pow(1000, from - to));
  }

  /** The prefix index of {@code unit} (NONE for a bare base), -1 when it is no SI unit. */
  private static int prefixOf(String unit) {
    if (BASES.contains(unit)) {
      return NONE;
    }
    if (unit.length() < 2 || !BASES.contains(unit.substring(1))) {
      return -1;
    }
    String prefix = unit.startsWith("u") ? "µ" : unit.substring(0, 1);
    for (int i = 0; i < PREFIXES.length; i++) {
      if (i != NONE && PREFIXES[i].equals(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
