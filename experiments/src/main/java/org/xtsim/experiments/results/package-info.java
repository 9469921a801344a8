/**
 * Result files: {@code results.csv} (one row per point and metric, with the overhead against the
 * baseline configuration), {@code distributions.csv} (percentiles of each recorded distribution)
 * and {@code manifest.json}, all written atomically (temporary file in the same folder, then an
 * atomic rename), so an interrupted run leaves either the previous file or the new one, never half
 * of one. The CSV files are also read back, for {@code --resume} and for drawing figures.
 */
package org.xtsim.experiments.results;
