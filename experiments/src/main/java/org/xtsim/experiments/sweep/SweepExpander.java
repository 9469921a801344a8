package org.xtsim.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.spec.ConfigurationEntry;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.spec.SweepAxis;
import org.xtsim.experiments.spec.WorkloadEntry;
import org.xtsim.params.Param;

/**
 * Expands an {@link ExperimentSpec} into its points, in a stable order: for each workload (file
 * order), each combination of axis values (first axis outermost, so small node counts of every
 * configuration come first), each configuration, each replicate.
 */
public final class SweepExpander {
  private SweepExpander() {}

  /** All points of the experiment. */
  public static List<RunPoint> expand(ExperimentSpec spec) {
    List<RunPoint> points = new ArrayList<>();
    List<SweepAxis> axes = spec.axes();
    for (WorkloadEntry w : spec.workloads()) {
      int[] index = new int[axes.size()];
      do {
        Map<String, Object> swept = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
          swept.put(axes.get(a).name(), axes.get(a).values().get(index[a]));
        }
        for (ConfigurationEntry c : spec.configurations()) {
          for (int r = 0; r < spec.replicates(); r++) {
            points.add(point(spec, w, c, swept, r));
          }
        }
      } while (next(index, axes));
    }
    return points;
  }

  /**
   * The stable identity of key {@code k} of the point's name space (see {@link Param#identity}).
   */
  private static String identity(ExperimentSpec spec, WorkloadEntry w, String k) {
    Param p = null;
    String prefix = "";
    if (k.startsWith(RunPoint.PARAMS_PREFIX)) {
      prefix = RunPoint.PARAMS_PREFIX;
      p = spec.registry().workloads().get(w.name()).params().get(k.substring(prefix.length()));
    } else if (k.startsWith(RunPoint.MACHINE_PREFIX)) {
      prefix = RunPoint.MACHINE_PREFIX;
      p = spec.registry().machineKeys().get(k.substring(prefix.length()));
    } else {
      p = spec.registry().configurationKeys().get(k);
    }
    return p == null ? k : prefix + p.identity();
  }

  /** Advances the odometer {@code index}, last axis fastest; false after the last combination. */
  private static boolean next(int[] index, List<SweepAxis> axes) {
    for (int a = index.length - 1; a >= 0; a--) {
      if (++index[a] < axes.get(a).values().size()) {
        return true;
      }
      index[a] = 0;
    }
    return false;
  }

  private static RunPoint point(
      ExperimentSpec spec,
      WorkloadEntry w,
      ConfigurationEntry c,
      Map<String, Object> swept,
      int replicate) {
    Map<String, Object> params = new LinkedHashMap<>(w.params());
    Map<String, Object> settings = new LinkedHashMap<>(c.settings());
    Map<String, Object> machine = new LinkedHashMap<>(spec.machine());
    Map<String, Object> seedAxes = new LinkedHashMap<>();
    int nodes = 1;
    for (Map.Entry<String, Object> e : swept.entrySet()) {
      String key = e.getKey();
      Object v = e.getValue();
      if (key.equals(RunPoint.NODES)) {
        nodes = Math.toIntExact((Long) v);
        seedAxes.put(key, v);
      } else if (key.startsWith(RunPoint.PARAMS_PREFIX)) {
        params.put(key.substring(RunPoint.PARAMS_PREFIX.length()), v);
      } else if (key.startsWith(RunPoint.MACHINE_PREFIX)) {
        machine.put(key.substring(RunPoint.MACHINE_PREFIX.length()), v);
      } else {
        settings.put(key, v);
      }
    }
    long seed =
        PointSeeds.seed(
            spec.seed(),
            PointIdentity.seedKey(
                w.name(), params, machine, seedAxes, replicate, k -> identity(spec, w, k)));
    String id = PointIdentity.id(w.name(), c.label(), swept, replicate);
    return new RunPoint(
        id, w.name(), c.label(), nodes, replicate, seed, params, settings, machine, swept);
  }
}
