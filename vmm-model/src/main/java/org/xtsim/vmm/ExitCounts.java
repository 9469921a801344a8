package org.xtsim.vmm;

import java.util.Arrays;

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

  /** A JSON object of the non-zero counts, keyed by {@link ExitType#key()}. */
  public String toJson() {
    StringBuilder b = new StringBuilder("{");
    for (ExitType t : ExitType.values()) {
      double c = counts[t.ordinal()];
      if (c != 0) {
        if (b.length() > 1) {
          b.append(", ");
        }
        b.append('"').append(t.key()).append("\": ");
        b.append(c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c));
      }
    }
    return b.append('}').toString();
  }

  @Override
  public String toString() {
    return toJson();
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
