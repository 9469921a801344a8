package org.xtsim.experiments.slurm;

import java.util.Locale;

/**
 * How much memory and time a task of the job array asks Slurm for.
 *
 * <p>Memory: the task's JVM gets {@code -Xmx} of {@link #HEAP_FRACTION} of {@code --mem} (the JVM
 * needs memory beyond its heap: code, thread stacks, metaspace, GC structures), and the heap is
 * what the largest point needs by the estimate {@code xtsim run} checks before it runs ({@code
 * HeapEstimate}), but at least {@link #MIN_HEAP_BYTES}.
 *
 * <p>Time: what the shard's points are expected to cost ({@code PointCosts}, fitted on the machine
 * that ran the reference results), times {@link #TIME_MARGIN}, plus {@link #START_SECONDS}, at
 * least {@link #MIN_TIME_SECONDS}: a cluster's node may be slower than the machine the costs were
 * fitted on, and a task killed at its limit loses its running point, while one that asks for too
 * long only waits longer in the queue.
 */
public final class TaskSizing {
  /** Share of the task's memory given to the Java heap (about 80 %, the rest is the JVM's). */
  public static final double HEAP_FRACTION = 0.8;

  /**
   * Least heap a task runs with: the node model's calibration tables and the result rows of a large
   * shard take more than the per-node estimate counts.
   */
  public static final long MIN_HEAP_BYTES = 1L << 30;

  /** Factor on the expected time of a shard's points. */
  public static final double TIME_MARGIN = 3;

  /** Seconds added for starting the JVM, validating the sweep and writing the results. */
  public static final double START_SECONDS = 300;

  /** Least time limit of a task. */
  public static final double MIN_TIME_SECONDS = 600;

  private TaskSizing() {}

  /** The {@code --mem} (in MiB) for a heap need of {@code heapBytes}. */
  public static long memMiB(long heapBytes) {
    long heap = Math.max(heapBytes, MIN_HEAP_BYTES);
    return (long) Math.ceil(heap / HEAP_FRACTION / (1 << 20));
  }

  /** The {@code -Xmx} (in MiB) for a task given {@code memMiB}. */
  public static long heapMiB(long memMiB) {
    return (long) Math.floor(memMiB * HEAP_FRACTION);
  }

  /** The time limit in seconds for a shard expected to take {@code expectedSeconds}. */
  public static long timeSeconds(double expectedSeconds) {
    return (long)
        Math.ceil(Math.max(MIN_TIME_SECONDS, expectedSeconds * TIME_MARGIN + START_SECONDS));
  }

  /** Slurm's {@code D-HH:MM:SS} for {@code seconds}, rounded up to the minute. */
  public static String slurmTime(long seconds) {
    long minutes = (seconds + 59) / 60;
    long days = minutes / (24 * 60);
    long h = minutes / 60 % 24;
    long m = minutes % 60;
    return days > 0
        ? String.format(Locale.ROOT, "%d-%02d:%02d:00", days, h, m)
        : String.format(Locale.ROOT, "%02d:%02d:00", h, m);
  }

  /**
   * Parses Slurm's {@code --mem} (a number of MiB, or with a suffix K, M, G or T, binary as Slurm
   * reads them) into MiB.
   *
   * @throws IllegalArgumentException naming the option and the forms allowed
   */
  public static long parseMemMiB(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    long scale = 1;
    long div = 1;
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    switch (last) {
      case 'K' -> div = 1024;
      case 'M' -> scale = 1;
      case 'G' -> scale = 1024;
      case 'T' -> scale = 1024 * 1024;
      default -> last = 0;
    }
    String digits = last == 0 ? t : t.substring(0, t.length() - 1);
    try {
      long v = Long.parseLong(digits);
      if (v <= 0) {
        throw new NumberFormatException();
      }
      return Math.max(1, v * scale / div);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--mem: '"
              + text
              + "' is not a memory size; write MiB as a whole number or with K, M, G or T"
              + " (as Slurm reads it), e.g. 4G");
    }
  }
}
