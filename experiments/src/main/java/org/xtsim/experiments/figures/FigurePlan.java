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
 * Splits the rows of one figure into panels and, when there would be too many panels, into several
 * figures. Inside a panel every series is one configuration (so each keeps its style); a figure has
 * one panel per guest OS (when guests differ: their values often differ by orders of magnitude) and
 * per value of every other axis that varies; beyond {@link #MAX_PANELS} panels it is split into one
 * figure per value of the outermost varying axis instead (recursively). When a single axis varies
 * and its values times the configurations make at most {@link #MAX_SERIES} curves, its values
 * become curves of one panel instead ({@link Page#seriesAxis}): a study that compares those values
 * (e.g. noise frequencies) sees them side by side.
 *
 * @param <T> row type
 */
final class FigurePlan<T> {
  /** Most panels in one figure before it is split into several. */
  static final int MAX_PANELS = 4;

  /** Most curves in one panel when an axis's values become curves. */
  static final int MAX_SERIES = 10;

  /**
   * One panel's rows.
   *
   * @param title the panel's title, e.g. "guest = cnl, size = 2" ("" when the figure has one panel)
   * @param guest the guest OS when the panels are by guest, else ""
   * @param items the rows
   */
  record Facet<T>(String title, String guest, List<T> items) {}

  /**
   * One figure's panels.
   *
   * @param suffix file-name suffix ("" or e.g. "-footprint=1073741824")
   * @param caption title suffix ("" or e.g. " (footprint=1073741824)")
   * @param facets the panels
   * @param seriesAxis the axis whose values are curves of their own ("" when curves are
   *     configurations only)
   */
  record Page<T>(String suffix, String caption, List<Facet<T>> facets, String seriesAxis) {}

  private final Function<T, String> guest;
  private final BiFunction<T, String, String> axisValue;
  private final Function<T, String> config;

  /**
   * @param guest the guest OS of a row ("" when unknown)
   * @param axisValue the value of an axis for a row, as text
   * @param config the configuration of a row
   */
  FigurePlan(
      Function<T, String> guest,
      BiFunction<T, String, String> axisValue,
      Function<T, String> config) {
    this.guest = guest;
    this.axisValue = axisValue;
    this.config = config;
  }

  /** The figures of {@code items}, given the axes (other than x) that may vary among them. */
  List<Page<T>> pages(List<T> items, List<String> axes) {
    List<Page<T>> out = new ArrayList<>();
    split(items, varying(items, axes), "", "", out);
    return out;
  }

  private void split(
      List<T> items, List<String> axes, String suffix, String caption, List<Page<T>> out) {
    if (axes.size() == 1) {
      Set<String> configs = new LinkedHashSet<>();
      Set<String> values = new LinkedHashSet<>();
      for (T t : items) {
        configs.add(config.apply(t));
        values.add(axisValue.apply(t, axes.get(0)));
      }
      if ((long) configs.size() * values.size() <= MAX_SERIES) {
        out.add(new Page<>(suffix, caption, facets(items, List.of()), axes.get(0)));
        return;
      }
    }
    List<Facet<T>> facets = facets(items, axes);
    if (facets.size() <= MAX_PANELS || axes.isEmpty()) {
      out.add(new Page<>(suffix, caption, facets, ""));
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

  /** One facet per guest (when guests differ) and value of each varying axis. */
  private List<Facet<T>> facets(List<T> items, List<String> axes) {
    Set<String> guests = new LinkedHashSet<>();
    items.forEach(t -> guests.add(guest.apply(t)));
    boolean byGuest = guests.size() > 1;
    Map<String, List<T>> groups = new LinkedHashMap<>();
    for (T t : items) {
      List<String> parts = new ArrayList<>();
      if (byGuest) {
        parts.add("guest = " + guest.apply(t));
      }
      for (String a : axes) {
        parts.add(shortName(a) + " = " + axisValue.apply(t, a));
      }
      groups.computeIfAbsent(String.join(", ", parts), k -> new ArrayList<>()).add(t);
    }
    List<Facet<T>> out = new ArrayList<>();
    for (Map.Entry<String, List<T>> g : groups.entrySet()) {
      String facetGuest = byGuest ? guest.apply(g.getValue().get(0)) : "";
      out.add(new Facet<>(g.getKey(), facetGuest, g.getValue()));
    }
    return out;
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

  /** An axis name without its {@code params.} prefix, as readers know it. */
  static String shortName(String axis) {
    return axis.startsWith("params.") ? axis.substring("params.".length()) : axis;
  }
}
