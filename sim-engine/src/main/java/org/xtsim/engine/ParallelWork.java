package org.xtsim.engine;

/**
 * Work that one event splits into independent parts, for {@link Context#runParts}: each part
 * touches state that no other part of the same call touches, so the outcome does not depend on
 * which thread runs a part or in what order the parts run.
 */
@FunctionalInterface
public interface ParallelWork {
  /** Runs part {@code part} (0-based). */
  void runPart(int part);
}
