package org.xtsim.experiments.validation;

import java.io.IOException;

/**
 * One published finding, checked against the model.
 *
 * @param id a short name, e.g. {@code vee2011-best-hpccg-cnl}
 * @param finding what was published, in words
 * @param source where
 * @param measure what the check measures in the model
 * @param published the published value or range the check holds the model to
 * @param evaluation measures and judges
 */
public record Check(
    String id,
    String finding,
    String source,
    String measure,
    String published,
    Evaluation evaluation) {

  /** Measures the model and judges the value. */
  @FunctionalInterface
  public interface Evaluation {
    /** The outcome, running what it needs through {@code studies}. */
    Outcome evaluate(Studies studies) throws IOException;
  }

  /**
   * What a check found.
   *
   * @param value our value
   * @param low lower end of its 95 % interval (NaN when it has none)
   * @param high upper end
   * @param unit its unit
   * @param pass whether it agrees with the published value
   * @param reason why it passes or fails, in words
   */
  public record Outcome(
      double value, double low, double high, String unit, boolean pass, String reason) {}
}
