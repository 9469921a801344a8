package org.xtsim.experiments.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.ResultRow;

/**
 * Draws every figure of an experiment from its result rows, into one folder:
 *
 * <ul>
 *   <li>{@code scaling-<workload>}: the workload's figure of merit (its first metric) against node
 *       count, one series per configuration;
 *   <li>{@code overhead-<workload>}: overhead of that metric against the baseline (native, same
 *       guest) in percent, one series per non-baseline configuration;
 *   <li>{@code distribution-<workload>-<name>}: percentiles of each recorded distribution at the
 *       largest node count, one series per configuration.
 * </ul>
 */
public final class Figures {
  private Figures() {}

  /** Draws all figures and returns the files written (PNG and SVG of each). */
  public static List<Path> drawAll(
      List<ResultRow> rows, List<DistributionRow> distributions, Path dir) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, List<ResultRow>> w : byWorkload(rows).entrySet()) {
      String workload = w.getKey();
      String metric = w.getValue().get(0).metric();
      String unit = w.getValue().get(0).unit();
      List<ResultRow> primary = new ArrayList<>();
      List<ResultRow> compared = new ArrayList<>();
      for (ResultRow r : w.getValue()) {
        if (r.metric().equals(metric)) {
          primary.add(r);
          if (!r.baseline().isEmpty() && !r.baseline().equals(r.config())) {
            compared.add(r);
          }
        }
      }
      String x = XyFigure.chooseXAxis(primary);
      String name = FigureFiles.safe(workload);
      written.addAll(
          draw(
              XyFigure.build(
                  workload + ": " + metric + " vs " + x,
                  primary,
                  ResultRow::value,
                  metric + " (" + unit + ")",
                  false),
              dir,
              "scaling-" + name));
      written.addAll(
          draw(
              XyFigure.build(
                  workload + ": overhead of " + metric + " vs " + x,
                  compared,
                  ResultRow::overheadPct,
                  "overhead vs baseline (%)",
                  true),
              dir,
              "overhead-" + name));
    }
    written.addAll(distributionFigures(distributions, dir));
    return written;
  }

  private static List<Path> distributionFigures(List<DistributionRow> rows, Path dir)
      throws IOException {
    Map<String, List<DistributionRow>> groups = new LinkedHashMap<>();
    for (DistributionRow r : rows) {
      groups
          .computeIfAbsent(r.workload() + '\u0000' + r.distribution(), k -> new ArrayList<>())
          .add(r);
    }
    List<Path> written = new ArrayList<>();
    for (List<DistributionRow> g : groups.values()) {
      int nodes = g.stream().mapToInt(DistributionRow::nodes).max().orElse(1);
      List<DistributionRow> at = new ArrayList<>();
      for (DistributionRow r : g) {
        if (r.nodes() == nodes && r.replicate() == 0) {
          at.add(r);
        }
      }
      DistributionRow first = g.get(0);
      String title =
          first.workload()
              + ": "
              + first.distribution()
              + " at "
              + nodes
              + " node"
              + (nodes == 1 ? "" : "s");
      written.addAll(
          draw(
              DistributionFigure.build(title, at),
              dir,
              "distribution-" + FigureFiles.safe(first.workload() + "-" + first.distribution())));
    }
    return written;
  }

  private static Map<String, List<ResultRow>> byWorkload(List<ResultRow> rows) {
    Map<String, List<ResultRow>> out = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      out.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static List<Path> draw(JFreeChart chart, Path dir, String name) throws IOException {
    return chart == null ? List.of() : FigureFiles.write(chart, dir, name);
  }
}
