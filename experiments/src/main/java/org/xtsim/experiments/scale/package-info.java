/**
 * How simulation cost grows with machine size: {@link org.xtsim.experiments.scale.ScaleBenchmark}
 * runs one workload at several node counts and measures wall time, events, events per second, peak
 * heap and retained bytes per node; {@link org.xtsim.experiments.scale.GrowthFit} fits the growth
 * exponent; {@link org.xtsim.experiments.scale.HeapEstimate} refuses, before anything is built, a
 * machine that will not fit in the heap. Behind {@code xtsim bench scale}.
 */
package org.xtsim.experiments.scale;
