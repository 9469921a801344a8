package org.xtsim.experiments.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;
import org.xtsim.experiments.Distribution;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.RunPoint;

/**
 * One row of {@code distributions.csv}: one percentile of one distribution of one point.
 *
 * @param point the point's id
 * @param workload workload name
 * @param config configuration label
 * @param nodes node count
 * @param replicate replicate index
 * @param axes values of the sweep axes other than nodes, as text
 * @param distribution distribution name
 * @param unit unit of the values
 * @param percentile the percentile, in [0, 100] (0 is the minimum, 100 the maximum)
 * @param value the value at that percentile
 * @param count how many values were recorded
 */
public record DistributionRow(
    String point,
    String workload,
    String config,
    int nodes,
    int replicate,
    Map<String, String> axes,
    String distribution,
    String unit,
    double percentile,
    double value,
    long count) {

  /** Percentiles recorded for every distribution. */
  public static final double[] PERCENTILES = {0, 50, 90, 99, 99.9, 99.99, 100};

  /** Copies the axes. */
  public DistributionRow {
    axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
  }

  /** The rows of every distribution of a finished point. */
  public static List<DistributionRow> of(RunPoint p, PointResult result) {
    Map<String, String> axes = ResultRow.axesOf(p);
    List<DistributionRow> rows = new ArrayList<>();
    for (Distribution d : result.distributions()) {
      AbstractHistogram h = d.histogram();
      for (double q : PERCENTILES) {
        double v =
            h.getTotalCount() == 0
                ? Double.NaN
                : q == 0 ? h.getMinValue() : q == 100 ? h.getMaxValue() : h.getValueAtPercentile(q);
        rows.add(
            new DistributionRow(
                p.id(),
                p.workload(),
                p.configuration(),
                p.nodes(),
                p.replicate(),
                axes,
                d.name(),
                d.unit(),
                q,
                v,
                h.getTotalCount()));
      }
    }
    return rows;
  }
}
