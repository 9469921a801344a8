/**
 * Running an experiment: validate every point, skip those already done ({@code --resume}), run the
 * rest one after another through the {@link org.xtsim.experiments.PointRunner}, rewrite the result
 * files atomically after each point, show progress on stderr, and finish with figures and the
 * manifest.
 */
package org.xtsim.experiments.run;
