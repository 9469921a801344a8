package org.xtsim.experiments.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xtsim.experiments.results.ResultRow;

/** Reading a study's rows for a check: overheads of a workload's figure of merit per replicate. */
final class Measures {
  private Measures() {}

  /** The workload's figure of merit: the first metric its points report. */
  static String figureOfMerit(List<ResultRow> rows, String workload) {
    for (ResultRow r : rows) {
      if (r.workload().equals(workload)) {
        return r.metric();
      }
    }
    throw new IllegalStateException("no rows of workload " + workload);
  }

  /**
   * The run-time overheads (percent) of the figure of merit of {@code workload} under {@code
   * config} at {@code nodes}, one per replicate in replicate order, among the rows whose sweep
   * values include {@code axes}.
   */
  static double[] overheads(
      List<ResultRow> rows, String workload, String config, int nodes, Map<String, String> axes) {
    String metric = figureOfMerit(rows, workload);
    TreeMap<Integer, Double> byReplicate = new TreeMap<>();
    for (ResultRow r : rows) {
      if (r.workload().equals(workload)
          && r.config().equals(config)
          && r.nodes() == nodes
          && r.metric().equals(metric)
          && r.axes().entrySet().containsAll(axes.entrySet())) {
        byReplicate.put(r.replicate(), r.overheadPct());
      }
    }
    if (byReplicate.isEmpty()) {
      throw new IllegalStateException(
          "no rows of " + workload + "/" + config + " at " + nodes + " nodes " + axes);
    }
    double[] out = new double[byReplicate.size()];
    int i = 0;
    for (double v : byReplicate.values()) {
      out[i++] = v;
    }
    return out;
  }

  /** The same without sweep values to match. */
  static double[] overheads(List<ResultRow> rows, String workload, String config, int nodes) {
    return overheads(rows, workload, config, nodes, Map.of());
  }

  /** The largest node count of the rows. */
  static int maxNodes(List<ResultRow> rows) {
    return rows.stream().mapToInt(ResultRow::nodes).max().orElseThrow();
  }

  /** The smallest node count of the rows. */
  static int minNodes(List<ResultRow> rows) {
    return rows.stream().mapToInt(ResultRow::nodes).min().orElseThrow();
  }

  /** Element-wise {@code a − b} (paired replicates). */
  static double[] minus(double[] a, double[] b) {
    double[] d = new double[Math.min(a.length, b.length)];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  /** All values of several arrays in one. */
  static double[] pooled(List<double[]> parts) {
    List<Double> all = new ArrayList<>();
    parts.forEach(p -> java.util.Arrays.stream(p).forEach(all::add));
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
