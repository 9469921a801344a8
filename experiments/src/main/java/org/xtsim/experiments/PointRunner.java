package org.xtsim.experiments;

import org.xtsim.experiments.registry.ModelRegistry;

/**
 * Runs one point of a sweep. Implemented by the workloads layer and found through {@link
 * java.util.ServiceLoader}; tests use their own doubles.
 *
 * <p>An implementation must be deterministic: the same {@link RunPoint} (its {@link
 * RunPoint#seed()} included) gives the same metrics whatever {@code threads} is.
 */
public interface PointRunner {
  /**
   * The keys, values and workloads experiment files may use with this runner; experiment files are
   * validated against it before anything runs. The default is the registry of the shipped models.
   */
  default ModelRegistry registry() {
    return ModelRegistry.standard();
  }

  /**
   * Checks a resolved point before anything runs: workload parameters the registry cannot judge
   * alone, combinations that make no sense (e.g. more nodes than the machine has). Called for every
   * point of the sweep before the first one runs.
   *
   * @throws InvalidPointException naming the offending key ({@code nodes}, {@code vmm}, {@code
   *     params.nx}, …) and what is allowed
   */
  void validate(RunPoint point);

  /**
   * Runs the point and returns its metrics. The first metric is the workload's figure of merit (it
   * is the one plotted in the scaling and overhead figures).
   *
   * @param threads worker threads the simulation may use, &ge; 1
   * @param progress where to report the fraction of this point done, for long points
   */
  PointResult run(RunPoint point, int threads, ProgressSink progress);
}
