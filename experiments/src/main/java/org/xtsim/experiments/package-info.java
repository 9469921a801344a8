/**
 * The experiments framework: what a sweep point is and the interface through which the model layer
 * runs it.
 *
 * <pre>
 *  experiment.yaml ──spec──▶ ExperimentSpec ──sweep──▶ RunPoint… ──PointRunner──▶ PointResult…
 *                                                                     │
 *                         results.csv, distributions.csv, manifest.json, figures ◀──results/figures
 * </pre>
 *
 * <p>The workloads layer implements {@link org.xtsim.experiments.PointRunner} (registered through
 * {@link java.util.ServiceLoader}) and declares the names and parameters it accepts in the {@link
 * org.xtsim.experiments.registry.ModelRegistry}; everything else (parsing and validating experiment
 * files, expanding sweeps, deriving seeds, running, resuming, writing results atomically and
 * drawing figures) is model-independent and lives in the sub-packages.
 */
package org.xtsim.experiments;
