package org.xtsim.experiments.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run of an experiment did.
 *
 * @param points points in the sweep
 * @param ran points run now
 * @param resumed points skipped because their results were already there
 * @param wallSeconds wall time of this invocation
 * @param events committed simulation events of the points run now
 * @param outDir the output folder
 * @param figures figure files written
 */
public record RunSummary(
    int points,
    int ran,
    int resumed,
    double wallSeconds,
    long events,
    Path outDir,
    List<Path> figures) {
  /** Copies the list. */
  public RunSummary {
    figures = List.copyOf(figures);
  }
}
