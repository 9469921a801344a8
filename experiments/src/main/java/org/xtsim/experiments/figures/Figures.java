package org.xtsim.experiments.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.ResultRow;

/**
 * Draws every figure of an experiment from its result rows, into one folder:
 *
 * <ul>
 *   <li>{@code scaling-<workload>}: the workload's figure of merit (its first metric) against node
 *       count, one curve per configuration;
 *   <li>{@code overhead-<workload>}: overhead of that metric against each row's baseline (native,
 *       same guest) in percent, one curve per non-baseline configuration;
 *   <li>{@code distribution-<workload>-<name>}: percentiles of each recorded distribution at the
 *       largest node count (and the last value of every other axis), one curve per configuration.
 * </ul>
 *
 * <p>Panels split a figure by guest OS and by the values of other varying sweep axes; beyond {@link
 * FigurePlan#MAX_PANELS} panels a figure is split into one per value of the outermost such axis
 * (file name suffix {@code -<axis>_<value>}). Every configuration has one style in all figures of
 * the run ({@link SeriesStyles}); replicates give means with 95 % confidence intervals.
 */
public final class Figures {
  private Figures() {}

  /** Draws all figures in the {@link FigureStyle#SLIDES} style; returns the files written. */
  public static List<Path> drawAll(
      List<ResultRow> rows, List<DistributionRow> distributions, Path dir) throws IOException {
    return drawAll(rows, distributions, dir, FigureStyle.SLIDES);
  }

  /** Draws all figures in {@code style} into {@code dir} and returns the files written. */
  public static List<Path> drawAll(
      List<ResultRow> rows, List<DistributionRow> distributions, Path dir, FigureStyle style)
      throws IOException {
    SeriesStyles styles = new SeriesStyles(Configuration.of(rows));
    List<Path> written = new ArrayList<>();
    for (Figure f : figures(rows, distributions)) {
      written.addAll(FigureFiles.write(f, style, styles, dir));
    }
    return written;
  }

  /** What every figure of the rows shows, in the order they are drawn. */
  static List<Figure> figures(List<ResultRow> rows, List<DistributionRow> distributions) {
    Map<String, ResultRow> firstRowOf = new LinkedHashMap<>();
    rows.forEach(r -> firstRowOf.putIfAbsent(r.config(), r));
    List<Figure> figures = new ArrayList<>();
    for (List<ResultRow> workload : byWorkload(rows).values()) {
      figures.addAll(workloadFigures(workload, firstRowOf));
    }
    figures.addAll(distributionFigures(distributions, Configuration.of(rows)));
    return figures;
  }

  /** The scaling and overhead figures of one workload's rows. */
  private static List<Figure> workloadFigures(
      List<ResultRow> rows, Map<String, ResultRow> firstRowOf) {
    ResultRow first = rows.get(0);
    String metric = first.metric();
    List<ResultRow> primary = new ArrayList<>();
    List<ResultRow> compared = new ArrayList<>();
    double maxAbs = 0;
    for (ResultRow r : rows) {
      if (r.metric().equals(metric)) {
        primary.add(r);
        if (!Double.isNaN(r.value())) {
          maxAbs = Math.max(maxAbs, Math.abs(r.value()));
        }
        if (!r.baseline().isEmpty() && !r.baseline().equals(r.config())) {
          compared.add(r);
        }
      }
    }
    UnitScale scale = UnitScale.choose(first.unit(), maxAbs);
    String quantity = AxisLabels.quantity(metric, first.unit(), scale.unit());
    String better = AxisLabels.better(first.better());
    String x = XyFigure.chooseXAxis(primary);
    String versus = " vs " + AxisLabels.axis(x);
    String name = FigureFiles.safe(first.workload());
    FigurePlan<ResultRow> plan =
        new FigurePlan<>(ResultRow::guest, XyFigure::axisValue, ResultRow::config);
    List<String> others = otherAxes(primary, x);
    List<Figure> out = new ArrayList<>();
    for (FigurePlan.Page<ResultRow> p : plan.pages(primary, others)) {
      out.add(
          XyFigure.build(
              "scaling-" + name + FigureFiles.safe(p.suffix()),
              first.workload()
                  + ": "
                  + quantity
                  + (better.isEmpty() ? "" : " (" + better + ")")
                  + versus
                  + p.caption(),
              p,
              x,
              ResultRow::value,
              scale.factor(),
              AxisLabels.metric(metric, first.unit(), scale.unit()),
              false));
    }
    if (!compared.isEmpty()) {
      String overhead = AxisLabels.overhead(compared, firstRowOf);
      for (FigurePlan.Page<ResultRow> p : plan.pages(compared, others)) {
        out.add(
            XyFigure.build(
                "overhead-" + name + FigureFiles.safe(p.suffix()),
                first.workload() + ": overhead of " + quantity + versus + p.caption(),
                p,
                x,
                ResultRow::overheadPct,
                1,
                overhead,
                true));
      }
    }
    out.removeIf(f -> f == null);
    return out;
  }

  /**
   * One figure per distribution: at the largest node count and the last value of every other axis
   * (the sweep's most extreme point), all replicates, one curve per configuration.
   */
  private static List<Figure> distributionFigures(
      List<DistributionRow> rows, List<Configuration> configurations) {
    Map<String, String> guestOf = new LinkedHashMap<>();
    configurations.forEach(c -> guestOf.put(c.name(), c.guest()));
    FigurePlan<DistributionRow> plan =
        new FigurePlan<>(
            r -> guestOf.getOrDefault(r.config(), ""),
            (r, a) -> r.axes().get(a),
            DistributionRow::config);
    Map<String, List<DistributionRow>> groups = new LinkedHashMap<>();
    for (DistributionRow r : rows) {
      groups
          .computeIfAbsent(r.workload() + '\u0000' + r.distribution(), k -> new ArrayList<>())
          .add(r);
    }
    List<Figure> out = new ArrayList<>();
    for (List<DistributionRow> g : groups.values()) {
      int nodes = g.stream().mapToInt(DistributionRow::nodes).max().orElse(1);
      Map<String, String> last = new LinkedHashMap<>();
      g.forEach(r -> last.putAll(r.axes()));
      List<DistributionRow> at = new ArrayList<>();
      for (DistributionRow r : g) {
        if (r.nodes() == nodes && r.axes().equals(last)) {
          at.add(r);
        }
      }
      DistributionRow first = g.get(0);
      StringBuilder where =
          new StringBuilder("at ").append(nodes).append(nodes == 1 ? " node" : " nodes");
      last.forEach(
          (k, v) -> where.append(", ").append(FigurePlan.shortName(k)).append(" = ").append(v));
      String title =
          first.workload() + ": " + AxisLabels.quantity(first.distribution(), "", "") + " " + where;
      String file = "distribution-" + first.workload() + "-" + first.distribution();
      for (FigurePlan.Page<DistributionRow> p : plan.pages(at, List.of())) {
        Figure f = DistributionFigure.build(FigureFiles.safe(file), title, where.toString(), p);
        if (f != null) {
          out.add(f);
        }
      }
    }
    return out;
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
}
