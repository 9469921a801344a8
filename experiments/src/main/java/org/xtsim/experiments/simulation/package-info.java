/**
 * The bridge from experiment points to the simulation models: a {@link
 * org.xtsim.experiments.PointRunner} (found by {@link java.util.ServiceLoader}) that turns a
 * resolved point into a node preset, a guest OS, a VMM configuration, a network and a workload,
 * runs it, and declares to the experiment-file validator every key, value and workload parameter
 * the models accept.
 */
package org.xtsim.experiments.simulation;
