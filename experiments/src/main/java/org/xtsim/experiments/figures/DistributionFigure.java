package org.xtsim.experiments.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xtsim.experiments.results.DistributionRow;

/**
 * Percentiles of one distribution (min, p50 … p99.99, max) with one curve per configuration in each
 * panel: the shape of the tail, e.g. how preemption or noise stretches iteration times. Replicates
 * give the mean of each percentile and its confidence interval.
 */
final class DistributionFigure {
  private DistributionFigure() {}

  /**
   * @param name the file name, without extension
   * @param title the title
   * @param context where the distribution was recorded, e.g. "at 4096 nodes"
   * @param page the panels' rows: one workload, one distribution, one node count
   * @return the figure, or null when no row has a value
   */
  static Figure build(
      String name, String title, String context, FigurePlan.Page<DistributionRow> page) {
    List<DistributionRow> all = new ArrayList<>();
    page.facets().forEach(f -> all.addAll(f.items()));
    TreeSet<Double> percentiles = new TreeSet<>();
    double maxAbs = 0;
    for (DistributionRow r : all) {
      if (!Double.isNaN(r.value())) {
        percentiles.add(r.percentile());
        maxAbs = Math.max(maxAbs, Math.abs(r.value()));
      }
    }
    if (percentiles.isEmpty()) {
      return null;
    }
    List<Double> positions = new ArrayList<>(percentiles);
    DistributionRow first = all.get(0);
    UnitScale scale = UnitScale.choose(first.unit(), maxAbs);
    List<Figure.Panel> panels = new ArrayList<>();
    for (FigurePlan.Facet<DistributionRow> facet : page.facets()) {
      Map<String, TreeMap<Double, List<Double>>> byConfig = new LinkedHashMap<>();
      for (DistributionRow r : facet.items()) {
        if (!Double.isNaN(r.value())) {
          byConfig
              .computeIfAbsent(r.config(), k -> new TreeMap<>())
              .computeIfAbsent((double) positions.indexOf(r.percentile()), k -> new ArrayList<>())
              .add(r.value());
        }
      }
      List<String> labels = XyFigure.legendLabels(byConfig.keySet(), facet.guest());
      List<Figure.Curve> curves = new ArrayList<>();
      int i = 0;
      for (Map.Entry<String, TreeMap<Double, List<Double>>> c : byConfig.entrySet()) {
        curves.add(
            new Figure.Curve(
                c.getKey(), labels.get(i++), XyFigure.points(c.getValue(), scale.factor())));
      }
      if (!curves.isEmpty()) {
        panels.add(new Figure.Panel(facet.title(), curves));
      }
    }
    List<String> names = positions.stream().map(DistributionFigure::label).toList();
    return new Figure(
        name,
        title,
        context,
        new Figure.XAxis("percentile", Figure.XKind.CATEGORIES, names),
        AxisLabels.metric(first.distribution(), first.unit(), scale.unit()),
        false,
        panels);
  }

  /** "min", "50", "99.9", "max" (the axis is labelled "percentile"). */
  static String label(double percentile) {
    if (percentile == 0) {
      return "min";
    }
    if (percentile == 100) {
      return "max";
    }
    String p = String.format(Locale.ROOT, "%s", percentile);
    return p.endsWith(".0") ? p.substring(0, p.length() - 2) : p;
  }
}
