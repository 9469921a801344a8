/**
 * Joining the results of a sweep's shards, made apart (as a Slurm job array), into the files of one
 * run: {@link org.xtsim.experiments.merge.ResultMerger}.
 */
package org.xtsim.experiments.merge;
