package org.xtsim.experiments.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.xtsim.experiments.InvalidPointException;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.ProgressSink;
import org.xtsim.experiments.RunPoint;

/**
 * Finds the installed {@link PointRunner}: the one registered in {@code
 * META-INF/services/org.xtsim.experiments.PointRunner} (first by class name if several), or, until
 * the workloads layer registers one, a runner that accepts files but refuses to run any point.
 */
public final class PointRunners {
  private PointRunners() {}

  /** The installed runner. */
  public static PointRunner installed() {
    List<PointRunner> found = new ArrayList<>();
    ServiceLoader.load(PointRunner.class).forEach(found::add);
    found.sort(Comparator.comparing(r -> r.getClass().getName()));
    return found.isEmpty() ? new NotInstalled() : found.get(0);
  }

  /** Validates against the default registry; refuses every point with a clear message. */
  static final class NotInstalled implements PointRunner {
    @Override
    public void validate(RunPoint point) {
      throw new InvalidPointException(
          "workload",
          "workload '"
              + point.workload()
              + "' cannot run: no simulation model is installed in this build (the workloads"
              + " module registers a PointRunner); the file is valid, --dry-run lists its points");
    }

    @Override
    public PointResult run(RunPoint point, int threads, ProgressSink progress) {
      validate(point);
      throw new IllegalStateException("unreachable");
    }
  }
}
