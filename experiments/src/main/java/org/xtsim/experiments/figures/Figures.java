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
 *       largest node count (and the last value of every other axis), one series per configuration.
 * </ul>
 *
 * <p>When other sweep axes vary too, series are split by their values; beyond {@link
 * SeriesPlan#MAX_SERIES} series a figure is split into one per value of the outermost such axis
 * (file name suffix {@code -<axis>_<value>}).
 */
public final class Figures {
  private Figures() {}

  /** Draws all figures and returns the files written (PNG and SVG of each). */
  public static List<Path> drawAll(
      List<ResultRow> rows, List<DistributionRow> distributions, Path dir) throws IOException {
    List<Path> written = new ArrayList<>();
    List<String> configurations = new ArrayList<>();
    for (ResultRow r : rows) {
      if (!configurations.contains(r.config())) {
        configurations.add(r.config());
      }
    }
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
      List<String> others = otherAxes(primary, x);
      SeriesPlan<ResultRow> plan = new SeriesPlan<>(ResultRow::config, XyFigure::axisValue);
      String name = FigureFiles.safe(workload);
      String versus = " vs " + SeriesPlan.shortName(x);
      for (SeriesPlan.Panel<ResultRow> p : plan.panels(primary, others)) {
        JFreeChart chart =
            XyFigure.build(
                workload + ": " + metric + versus + p.caption(),
                p.items(),
                x,
                p.seriesAxes(),
                ResultRow::value,
                metric + " (" + unit + ")",
                false,
                configurations);
        written.addAll(draw(chart, dir, "scaling-" + name + FigureFiles.safe(p.suffix())));
      }
      for (SeriesPlan.Panel<ResultRow> p : plan.panels(compared, others)) {
        JFreeChart chart =
            XyFigure.build(
                workload + ": overhead of " + metric + versus + p.caption(),
                p.items(),
                x,
                p.seriesAxes(),
                ResultRow::overheadPct,
                "overhead vs baseline (%)",
                true,
                configurations);
        written.addAll(draw(chart, dir, "overhead-" + name + FigureFiles.safe(p.suffix())));
      }
    }
    written.addAll(distributionFigures(distributions, dir, configurations));
    return written;
  }

  private static List<Path> distributionFigures(
      List<DistributionRow> rows, Path dir, List<String> configurations) throws IOException {
    Map<String, List<DistributionRow>> groups = new LinkedHashMap<>();
    for (DistributionRow r : rows) {
      groups
          .computeIfAbsent(r.workload() + '\u0000' + r.distribution(), k -> new ArrayList<>())
          .add(r);
    }
    List<Path> written = new ArrayList<>();
    for (List<DistributionRow> g : groups.values()) {
      // One figure per distribution: at the largest node count and the last value of every other
      // axis (the sweep's most extreme point), replicate 0, one series per configuration.
      int nodes = g.stream().mapToInt(DistributionRow::nodes).max().orElse(1);
      Map<String, String> last = new LinkedHashMap<>();
      g.forEach(r -> last.putAll(r.axes()));
      List<DistributionRow> at = new ArrayList<>();
      for (DistributionRow r : g) {
        if (r.nodes() == nodes && r.replicate() == 0 && r.axes().equals(last)) {
          at.add(r);
        }
      }
      DistributionRow first = g.get(0);
      StringBuilder title =
          new StringBuilder(first.workload())
              .append(": ")
              .append(first.distribution())
              .append(" at ")
              .append(nodes)
              .append(nodes == 1 ? " node" : " nodes");
      last.forEach(
          (k, v) -> title.append(", ").append(SeriesPlan.shortName(k)).append('=').append(v));
      JFreeChart chart = DistributionFigure.build(title.toString(), at, List.of(), configurations);
      String file = "distribution-" + first.workload() + "-" + first.distribution();
      written.addAll(draw(chart, dir, FigureFiles.safe(file)));
    }
    return written;
  }

  /** The axes other than {@code x} that rows may differ in: nodes (unless x) and sweep axes. */
  private static List<String> otherAxes(List<ResultRow> rows, String x) {
    List<String> out = new ArrayList<>();
    if (!x.equals("nodes")) {
      out.add("nodes");
    }
    if (!rows.isEmpty()) {
      for (String a : rows.get(0).axes().keySet()) {
        if (!a.equals(x)) {
          out.add(a);
        }
      }
    }
    return out;
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
