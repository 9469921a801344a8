package org.xtsim.experiments.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Splits the items of one figure into readable panels: one series per configuration and per value
 * of every other axis that varies; when that gives more than {@link #MAX_SERIES} series, one figure
 * per value of the outermost varying axis instead (recursively).
 *
 * @param <T> row type
 */
final class SeriesPlan<T> {
  /** Most series in one figure before it is split. */
  static final int MAX_SERIES = 10;

  /**
   * One figure's share of the items.
   *
   * @param suffix file-name suffix ("" or e.g. "-footprint=1073741824")
   * @param caption title suffix ("" or e.g. " (footprint=1073741824)")
   * @param items the items
   * @param seriesAxes axes that still vary inside this figure and so name its series
   */
  record Panel<T>(String suffix, String caption, List<T> items, List<String> seriesAxes) {}

  private final Function<T, String> config;
  private final BiFunction<T, String, String> axisValue;

  /**
   * @param config the configuration of an item
   * @param axisValue the value of an axis for an item, as text
   */
  SeriesPlan(Function<T, String> config, BiFunction<T, String, String> axisValue) {
    this.config = config;
    this.axisValue = axisValue;
  }

  /** The panels of {@code items}, given the axes (other than x) that may vary among them. */
  List<Panel<T>> panels(List<T> items, List<String> axes) {
    List<Panel<T>> out = new ArrayList<>();
    split(items, varying(items, axes), "", "", out);
    return out;
  }

  private void split(
      List<T> items, List<String> axes, String suffix, String caption, List<Panel<T>> out) {
    Set<String> series = new LinkedHashSet<>();
    for (T t : items) {
      series.add(seriesName(t, axes));
    }
    if (series.size() <= MAX_SERIES || axes.isEmpty()) {
      out.add(new Panel<>(suffix, caption, items, axes));
      return;
    }
    String axis = axes.get(0);
    Map<String, List<T>> groups = new LinkedHashMap<>();
    for (T t : items) {
      groups.computeIfAbsent(axisValue.apply(t, axis), k -> new ArrayList<>()).add(t);
    }
    for (Map.Entry<String, List<T>> g : groups.entrySet()) {
      String label = shortName(axis) + "=" + g.getKey();
      split(
          g.getValue(),
          varying(g.getValue(), axes.subList(1, axes.size())),
          suffix + "-" + label,
          caption.isEmpty() ? " (" + label + ")" : caption.replace(")", ", " + label + ")"),
          out);
    }
  }

  private List<String> varying(List<T> items, List<String> axes) {
    List<String> out = new ArrayList<>();
    for (String a : axes) {
      Set<String> values = new LinkedHashSet<>();
      for (T t : items) {
        values.add(axisValue.apply(t, a));
      }
      if (values.size() > 1) {
        out.add(a);
      }
    }
    return out;
  }

  /** "nested" or "nested, footprint=1073741824". */
  String seriesName(T t, List<String> axes) {
    StringBuilder sb = new StringBuilder(config.apply(t));
    for (String a : axes) {
      sb.append(", ").append(shortName(a)).append('=').append(axisValue.apply(t, a));
    }
    return sb.toString();
  }

  /** The variant of an item: the values of the series axes, for the marker style. */
  String variant(T t, List<String> axes) {
    StringBuilder sb = new StringBuilder();
    for (String a : axes) {
      sb.append(axisValue.apply(t, a)).append('\u0000');
    }
    return sb.toString();
  }

  /** An axis name without its {@code params.} prefix, as readers know it. */
  static String shortName(String axis) {
    return axis.startsWith("params.") ? axis.substring("params.".length()) : axis;
  }
}
