/**
 * Experiment files: reading the YAML with SnakeYAML's node API (so every value keeps its file, line
 * and column), validating every key against the {@link
 * org.xtsim.experiments.registry.ModelRegistry} before anything runs, and the resolved {@link
 * org.xtsim.experiments.spec.ExperimentSpec}.
 *
 * <p>A bad file gives one {@link org.xtsim.experiments.spec.SpecException} naming file, line,
 * column, key and the allowed values, with a "did you mean" for near misses.
 */
package org.xtsim.experiments.spec;
