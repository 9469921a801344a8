package org.xtsim.cli;

import java.util.Locale;

/**
 * Limits on counts given on the command line, checked before anything is allocated, each named in
 * the message (and in the option's {@code --help}) when a value passes it.
 */
final class CommandLimits {
  /**
   * Most engine threads a simulation may use. Results do not depend on the thread count, and above
   * a few per core a run only slows down; 1,024 leaves room for any machine xtsim runs on.
   */
  static final int MAX_THREADS = 1024;

  private CommandLimits() {}

  /**
   * {@code value} when it is in [1, {@link #MAX_THREADS}].
   *
   * @throws IllegalArgumentException naming {@code option}, the value and the limit
   */
  static int threads(String option, int value) {
    return count(option, value, 1, MAX_THREADS);
  }

  /**
   * {@code value} when it is in [min, max].
   *
   * @throws IllegalArgumentException naming {@code option}, the value and the range
   */
  static int count(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be in [%,d, %,d], was %,d", option, min, max, value));
    }
    return (int) Math.min(value, Integer.MAX_VALUE);
  }

  /**
   * Refuses a run whose estimated heap does not fit this JVM, with the {@code -Xmx} it needs.
   *
   * @param what what would be allocated, e.g. "2,000,000,000 PHOLD LPs"
   * @param bytes the estimate
   */
  static void requireHeap(String option, String what, long bytes) {
    long max = Runtime.getRuntime().maxMemory();
    if (bytes > max) {
      long gib = (bytes + (1L << 30) - 1) >> 30;
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: %s need about %,d MiB of heap (estimate), but this JVM has at most %,d MiB;"
                  + " run with -Xmx%dg or more (scripts/xtsim: XTSIM_JAVA_OPTS=\"-Xmx%dg\")",
              option,
              what,
              bytes >> 20,
              max >> 20,
              gib,
              gib));
    }
  }
}
