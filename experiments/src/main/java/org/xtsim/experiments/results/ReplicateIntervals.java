package org.xtsim.experiments.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the 95 % confidence intervals of {@code results.csv}: for every row, the Student-t interval
 * of the mean value over the replicates of its configuration, workload, node count, metric and
 * sweep values ({@link MeanInterval}, commons-math3's t distribution), and the same of the overhead
 * (each replicate against the baseline run of the same replicate, so a paired interval). Rows of
 * one group carry the same interval; with one replicate there is none.
 */
public final class ReplicateIntervals {
  private ReplicateIntervals() {}

  /** The rows with intervals filled in; overheads must be computed already. */
  public static List<ResultRow> apply(List<ResultRow> rows) {
    Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      groups.computeIfAbsent(r.replicateGroup(), k -> new ArrayList<>()).add(r);
    }
    Map<String, ResultRow.Interval[]> intervals = new LinkedHashMap<>();
    groups.forEach(
        (k, g) -> {
          double[] values = new double[g.size()];
          double[] overheads = new double[g.size()];
          boolean allOverheads = true;
          for (int i = 0; i < g.size(); i++) {
            values[i] = g.get(i).value();
            overheads[i] = g.get(i).overheadPct();
            allOverheads &= Double.isFinite(overheads[i]);
          }
          intervals.put(
              k,
              new ResultRow.Interval[] {
                ResultRow.Interval.of(MeanInterval.of(values)),
                allOverheads
                    ? ResultRow.Interval.of(MeanInterval.of(overheads))
                    : ResultRow.Interval.NONE
              });
        });
    List<ResultRow> out = new ArrayList<>(rows.size());
    for (ResultRow r : rows) {
      ResultRow.Interval[] i = intervals.get(r.replicateGroup());
      out.add(r.withIntervals(i[0], i[1]));
    }
    return out;
  }

  /** Overheads, then intervals: every column of {@code results.csv} that rows derive together. */
  public static List<ResultRow> derive(List<ResultRow> rows) {
    return apply(OverheadCalculator.apply(rows));
  }
}
