/**
 * Handing a sweep to a Slurm cluster: a job array with one task per shard and a merge job that runs
 * after it ({@link org.xtsim.experiments.slurm.SlurmSubmitter}), the job scripts ({@link
 * org.xtsim.experiments.slurm.JobScripts}), how much memory and time a task asks for ({@link
 * org.xtsim.experiments.slurm.TaskSizing}), and where a submitted sweep stands ({@link
 * org.xtsim.experiments.slurm.SweepStatus}). Java talks to Slurm through its commands ({@code
 * sbatch --parsable}, {@code squeue}, {@code scancel}): slurmrestd is often not deployed, and its
 * API version moves with each Slurm release.
 */
package org.xtsim.experiments.slurm;
