package org.xtsim.vmm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * VM exits by {@link ExitType}: exact counts from the simulator or expected (fractional) counts
 * from the cost model. Mutable; not thread-safe.
 */
public final class ExitCounts {
  private final double[] counts = new double[ExitType.values().length];

  /** Adds {@code n} exits of {@code type}. */
  public void add(ExitType type, double n) {
    counts[type.ordinal()] += n;
  }

  /** Exits of {@code type}. */
  public double get(ExitType type) {
    return counts[type.ordinal()];
  }

  /** All exits. */
  public double total() {
    double t = 0;
    for (double c : counts) {
      t += c;
    }
    return t;
  }

  /** Adds all counts of {@code other}, scaled by {@code factor}. */
  public void addAll(ExitCounts other, double factor) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i] * factor;
    }
  }

  /**
   * The non-zero counts keyed by {@link ExitType#key()}, in {@link ExitType} order: a {@link Long}
   * for a whole count (the simulator's), a {@link Double} for an expected one (the cost model's).
   */
  public Map<String, Number> nonZero() {
    Map<String, Number> m = new LinkedHashMap<>();
    for (ExitType t : ExitType.values()) {
      double c = counts[t.ordinal()];
      if (c != 0) {
        m.put(t.key(), c == Math.rint(c) && Math.abs(c) < 1e15 ? (Number) (long) c : c);
      }
    }
    return m;
  }

  /** The non-zero counts, e.g. {@code {npf=12, intr=3}}. */
  @Override
  public String toString() {
    return nonZero().toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExitCounts e && Arrays.equals(counts, e.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }
}
