package org.xtsim.experiments.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * Curves of a panel that would be drawn on top of each other: same x values and, at every x, means
 * closer than the axis can show ({@link YRange#visibleDifference}). Their markers differ, so both
 * show; the figure also names them in a note, since their lines cannot both show.
 */
final class CoincidentCurves {
  private CoincidentCurves() {}

  /** Groups of two or more coinciding curves' labels, in the panel's order. */
  static List<List<String>> find(Figure.Panel panel, YRange range) {
    List<Figure.Curve> curves = panel.curves();
    int[] group = new int[curves.size()];
    for (int i = 0; i < group.length; i++) {
      group[i] = i;
    }
    for (int i = 0; i < curves.size(); i++) {
      for (int j = i + 1; j < curves.size(); j++) {
        if (group[j] == j && coincide(curves.get(i), curves.get(j), range)) {
          group[j] = group[i];
        }
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < group.length; i++) {
      if (group[i] != i) {
        continue;
      }
      List<String> members = new ArrayList<>();
      for (int j = i; j < group.length; j++) {
        if (group[j] == i) {
          members.add(curves.get(j).label());
        }
      }
      if (members.size() > 1) {
        out.add(members);
      }
    }
    return out;
  }

  private static boolean coincide(Figure.Curve a, Figure.Curve b, YRange range) {
    if (a.points().size() != b.points().size() || a.points().isEmpty()) {
      return false;
    }
    for (int k = 0; k < a.points().size(); k++) {
      Figure.Point p = a.points().get(k);
      Figure.Point q = b.points().get(k);
      double tolerance = range.visibleDifference(p.y().mean());
      if (p.x() != q.x() || Math.abs(p.y().mean() - q.y().mean()) > tolerance) {
        return false;
      }
    }
    return true;
  }
}
