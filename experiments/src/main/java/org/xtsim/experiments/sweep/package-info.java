/**
 * Sweep expansion: the cartesian product workloads × sweep-axis values × configurations ×
 * replicates, in a stable order, with each point's identity and seed.
 *
 * <p>A point's seed depends only on the base seed and the point's own identity (workload, its
 * parameters, node count, non-configuration axis values, replicate), never on its position, so
 * adding or removing points leaves every other seed unchanged. The configuration is deliberately
 * not part of the seed: all configurations of a point see the same random streams (common random
 * numbers), so an overhead against native measures the configuration, not the noise of two seeds.
 */
package org.xtsim.experiments.sweep;
