/**
 * How simulation cost grows with machine size and falls with engine threads: {@link
 * org.xtsim.experiments.scale.ScaleBenchmark} runs one workload at a node count with a thread count
 * and measures wall time, events, events per second, peak heap and retained bytes per node; {@link
 * org.xtsim.experiments.scale.GrowthFit} fits the growth exponent over node counts and {@link
 * org.xtsim.experiments.scale.ScaleReport} writes it; {@link
 * org.xtsim.experiments.scale.ThreadScaling} reduces repeated runs with several thread counts to
 * medians, speed-ups and efficiencies, checking that every run computed the same result, and {@link
 * org.xtsim.experiments.scale.ThreadScalingReport} writes them. Behind {@code xtsim bench scale}
 * and {@code xtsim bench threads}; the heap check before a run is {@link
 * org.xtsim.experiments.simulation.HeapEstimate}.
 */
package org.xtsim.experiments.scale;
