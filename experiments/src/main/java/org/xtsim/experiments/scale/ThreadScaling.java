package org.xtsim.experiments.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The summary of a thread-scaling benchmark: the same job run with several engine thread counts,
 * several times each, reduced to one row per thread count (median, fastest and slowest wall time,
 * speed-up and parallel efficiency against the smallest thread count). Medians, because on a shared
 * workstation one run in a few is disturbed by something else.
 */
public final class ThreadScaling {
  /**
   * One thread count.
   *
   * @param threads engine threads
   * @param runs timed runs
   * @param medianWallSeconds median wall time of the runs
   * @param minWallSeconds fastest run
   * @param maxWallSeconds slowest run
   * @param speedup the smallest thread count's median wall time over this one's
   * @param efficiency speed-up per thread added: {@code speedup × baseThreads / threads} (1 is
   *     perfect scaling)
   * @param medianBarrierIdleSeconds median of the runs' mean time per thread spent idle at window
   *     barriers (waiting for the slowest thread; the parallel run's loss)
   * @param medianBarrierHelpSeconds median of the runs' mean time per thread spent at barriers
   *     running parts of another thread's split event (work, not loss)
   * @param eventImbalance the busiest thread's events over the mean per thread (the same in every
   *     run of a thread count: the partition fixes it)
   * @param windows synchronisation windows of one run (the same in every run of a thread count)
   */
  public record Row(
      int threads,
      int runs,
      double medianWallSeconds,
      double minWallSeconds,
      double maxWallSeconds,
      double speedup,
      double efficiency,
      double medianBarrierIdleSeconds,
      double medianBarrierHelpSeconds,
      double eventImbalance,
      long windows) {

    /**
     * The row's fields in the order of the console table and the CSV: threads, runs, median, min
     * and max wall seconds, speed-up, efficiency, idle and help seconds, event imbalance, windows.
     */
    public Object[] values() {
      return new Object[] {
        threads,
        runs,
        medianWallSeconds,
        minWallSeconds,
        maxWallSeconds,
        speedup,
        efficiency,
        medianBarrierIdleSeconds,
        medianBarrierHelpSeconds,
        eventImbalance,
        windows
      };
    }
  }

  private ThreadScaling() {}

  /**
   * One row per thread count, in ascending thread order.
   *
   * @throws IllegalArgumentException if there are no runs
   * @throws IllegalStateException if the runs did not all compute the same result
   */
  public static List<Row> summarise(List<ScalePoint> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs to summarise");
    }
    requireSameResult(runs);
    TreeMap<Integer, List<ScalePoint>> byThreads = new TreeMap<>();
    for (ScalePoint p : runs) {
      byThreads.computeIfAbsent(p.threads(), t -> new ArrayList<>()).add(p);
    }
    int baseThreads = byThreads.firstKey();
    double baseMedian = median(byThreads.firstEntry().getValue(), ScalePoint::wallSeconds);
    List<Row> rows = new ArrayList<>();
    for (var e : byThreads.entrySet()) {
      List<ScalePoint> ps = e.getValue();
      double med = median(ps, ScalePoint::wallSeconds);
      double min = ps.stream().mapToDouble(ScalePoint::wallSeconds).min().orElseThrow();
      double max = ps.stream().mapToDouble(ScalePoint::wallSeconds).max().orElseThrow();
      double speedup = med > 0 ? baseMedian / med : Double.NaN;
      rows.add(
          new Row(
              e.getKey(),
              ps.size(),
              med,
              min,
              max,
              speedup,
              speedup * baseThreads / e.getKey(),
              median(ps, ScalePoint::barrierIdleSeconds),
              median(ps, ScalePoint::barrierHelpSeconds),
              ps.get(0).eventImbalance(),
              ps.get(0).windows()));
    }
    return rows;
  }

  /**
   * Checks the engine's promise that the thread count changes nothing but speed: every run
   * committed the same number of events and simulated the same completion time.
   *
   * @throws IllegalStateException naming the first run that differs
   */
  public static void requireSameResult(List<ScalePoint> runs) {
    ScalePoint first = runs.get(0);
    for (ScalePoint p : runs) {
      if (p.events() != first.events()
          || Double.compare(p.simulatedSeconds(), first.simulatedSeconds()) != 0) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "results differ between runs: %d thread(s) gave %d events and %.12g simulated s,"
                    + " %d thread(s) gave %d events and %.12g simulated s",
                first.threads(),
                first.events(),
                first.simulatedSeconds(),
                p.threads(),
                p.events(),
                p.simulatedSeconds()));
      }
    }
  }

  /** The median of {@code f} over {@code ps} (the mean of the middle two for an even count). */
  static double median(List<ScalePoint> ps, java.util.function.ToDoubleFunction<ScalePoint> f) {
    double[] v = ps.stream().mapToDouble(f).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
