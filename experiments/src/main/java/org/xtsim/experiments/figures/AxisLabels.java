package org.xtsim.experiments.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xtsim.experiments.Metric;
import org.xtsim.experiments.results.ResultRow;

/**
 * Axis labels from what the results declare: a metric's name and unit ("MFLOPS per node", "run time
 * (s)"), the baseline of an overhead ("run-time overhead vs native, same guest (%)") and sweep axes
 * ("page table updates per s").
 */
final class AxisLabels {
  private AxisLabels() {}

  /**
   * The label of a metric shown in {@code unit}: its name in words, the unit in parentheses; when
   * the name starts with its unit (mflops_per_node in MFLOPS) the unit takes that word's place
   * ("MFLOPS per node"); a trailing "pct" is dropped for a unit of %.
   *
   * @param metric the metric or distribution name, e.g. run_time
   * @param declaredUnit the unit the results declare, e.g. MFLOPS or ns
   * @param unit the unit shown (after choosing a prefix), e.g. GFLOPS or ms
   */
  static String metric(String metric, String declaredUnit, String unit) {
    String quantity = quantity(metric, declaredUnit, unit);
    boolean named = startsWithUnit(words(metric, unit), declaredUnit);
    return named || unit.isEmpty() ? quantity : quantity + " (" + unit + ")";
  }

  /** The metric in words, without a unit in parentheses: "MFLOPS per node", "run time". */
  static String quantity(String metric, String declaredUnit, String unit) {
    List<String> words = words(metric, unit);
    if (startsWithUnit(words, declaredUnit)) {
      words.set(0, unit);
    }
    return String.join(" ", words);
  }

  /** "higher is better", "lower is better" or "". */
  static String better(Metric.Better better) {
    return switch (better) {
      case HIGHER -> "higher is better";
      case LOWER -> "lower is better";
      case NEITHER -> "";
    };
  }

  private static List<String> words(String metric, String unit) {
    List<String> words = new ArrayList<>(Arrays.asList(metric.split("_+")));
    words.removeIf(String::isEmpty);
    if (unit.equals("%") && words.size() > 1 && words.get(words.size() - 1).equals("pct")) {
      words.remove(words.size() - 1);
    }
    return words;
  }

  private static boolean startsWithUnit(List<String> words, String declaredUnit) {
    return !words.isEmpty()
        && !declaredUnit.isEmpty()
        && words.get(0).equalsIgnoreCase(declaredUnit);
  }

  /**
   * The label of an overhead axis, naming the baseline: "run-time overhead vs native (%)" when all
   * rows share one baseline configuration; "run-time overhead vs native, same guest (%)" when each
   * row's baseline runs the row's guest and all baselines share a virtualization mode; else
   * "run-time overhead vs baseline (%)".
   *
   * @param rows the rows whose overheads are drawn
   * @param configurations every configuration of the run, by name
   */
  static String overhead(List<ResultRow> rows, Map<String, ResultRow> configurations) {
    Set<String> baselines = new LinkedHashSet<>();
    rows.forEach(r -> baselines.add(r.baseline()));
    if (baselines.size() == 1) {
      return "run-time overhead vs " + baselines.iterator().next() + " (%)";
    }
    Set<String> modes = new LinkedHashSet<>();
    boolean sameGuest = true;
    for (ResultRow r : rows) {
      ResultRow b = configurations.get(r.baseline());
      if (b == null) {
        return "run-time overhead vs baseline (%)";
      }
      modes.add(b.vmm());
      sameGuest &= b.guest().equals(r.guest());
    }
    return sameGuest && modes.size() == 1
        ? "run-time overhead vs " + modes.iterator().next() + ", same guest (%)"
        : "run-time overhead vs baseline (%)";
  }

  /**
   * A sweep axis in words: {@code params.page_table_updates_per_s} → "page table updates per s".
   */
  static String axis(String axis) {
    return FigurePlan.shortName(axis).replace('_', ' ');
  }
}
