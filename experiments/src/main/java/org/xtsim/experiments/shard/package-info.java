/**
 * Splitting a sweep into shards that run apart (on a cluster's nodes, as a Slurm job array): which
 * points each shard runs ({@link org.xtsim.experiments.shard.ShardPlan}), balanced by what each
 * point is expected to cost ({@link org.xtsim.experiments.shard.PointCosts}).
 */
package org.xtsim.experiments.shard;
