package org.xtsim.experiments.figures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@link SeriesStyle} per configuration of a run, the same in every figure of the run, no two
 * alike: the colour says the paging mode (native, nested, nested with large pages, shadow …), the
 * marker says the host settings (paging mode, preemption, NIC: the configuration without its guest)
 * and the dash pattern says the guest OS. Configurations that agree on all three (they differ in
 * something else, e.g. a parameter) take the next free marker and dash pattern.
 *
 * <p>Up to {@code 8 × 8 × 4 = 256} configurations get distinct styles; beyond that styles repeat.
 */
final class SeriesStyles {
  private final Map<String, SeriesStyle> byName = new LinkedHashMap<>();
  private final Map<String, Integer> colours = new LinkedHashMap<>();
  private final Map<String, Integer> markers = new LinkedHashMap<>();
  private final Map<String, Integer> dashes = new LinkedHashMap<>();
  private final Set<SeriesStyle> used = new HashSet<>();

  /** Styles for {@code configurations}, assigned in their order. */
  SeriesStyles(List<Configuration> configurations) {
    for (Configuration c : configurations) {
      add(c);
    }
  }

  /** The style of configuration {@code name}; a new one when the run did not list it. */
  SeriesStyle of(String name) {
    SeriesStyle s = byName.get(name);
    return s != null ? s : add(Configuration.unknown(name));
  }

  /** The configurations styled so far, in order. */
  List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  private SeriesStyle add(Configuration c) {
    SeriesStyle existing = byName.get(c.name());
    if (existing != null) {
      return existing;
    }
    int colour = index(colours, c.pagingMode(), SeriesStyle.PALETTE.length);
    int marker = index(markers, c.hostSettings(), SeriesStyle.MARKERS);
    int dash = index(dashes, c.guest(), SeriesStyle.DASHES);
    SeriesStyle style = free(colour, marker, dash);
    used.add(style);
    byName.put(c.name(), style);
    return style;
  }

  /** Position of {@code key} in order of first appearance, modulo {@code n}. */
  private static int index(Map<String, Integer> seen, String key, int n) {
    return seen.computeIfAbsent(key, k -> seen.size()) % n;
  }

  /**
   * The wanted style if free; else the same colour with the next free marker and dash (a variant of
   * the same paging mode); else any free style; else (all taken) the wanted one.
   */
  private SeriesStyle free(int colour, int marker, int dash) {
    SeriesStyle wanted = new SeriesStyle(colour, marker, dash);
    if (!used.contains(wanted)) {
      return wanted;
    }
    for (int k = 1; k < SeriesStyle.MARKERS * SeriesStyle.DASHES; k++) {
      SeriesStyle s =
          new SeriesStyle(
              colour,
              (marker + k) % SeriesStyle.MARKERS,
              (dash + k / SeriesStyle.MARKERS + 1) % SeriesStyle.DASHES);
      if (!used.contains(s)) {
        return s;
      }
    }
    for (int c = 0; c < SeriesStyle.PALETTE.length; c++) {
      for (int m = 0; m < SeriesStyle.MARKERS; m++) {
        for (int d = 0; d < SeriesStyle.DASHES; d++) {
          SeriesStyle s = new SeriesStyle(c, m, d);
          if (!used.contains(s)) {
            return s;
          }
        }
      }
    }
    return wanted;
  }
}
