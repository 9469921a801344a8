package org.xtsim.experiments.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.Metric;

/**
 * Fills {@code overhead_pct}: each row against the row of its baseline configuration (native, same
 * guest OS, unless the file says otherwise) with the same workload, node count, replicate, metric
 * and sweep-axis values. See {@link Metric#overheadPercent} for the sign convention.
 */
public final class OverheadCalculator {
  private OverheadCalculator() {}

  /** The rows with overheads filled in (NaN where the baseline row is missing). */
  public static List<ResultRow> apply(List<ResultRow> rows) {
    Map<String, ResultRow> byConfigAndKey = new HashMap<>();
    for (ResultRow r : rows) {
      byConfigAndKey.put(r.config() + '\u0000' + r.comparisonKey(), r);
    }
    List<ResultRow> out = new ArrayList<>(rows.size());
    for (ResultRow r : rows) {
      ResultRow base =
          r.baseline().isEmpty()
              ? null
              : byConfigAndKey.get(r.baseline() + '\u0000' + r.comparisonKey());
      double pct =
          base == null ? Double.NaN : Metric.overheadPercent(r.value(), base.value(), r.better());
      out.add(r.withOverhead(pct));
    }
    return out;
  }
}
