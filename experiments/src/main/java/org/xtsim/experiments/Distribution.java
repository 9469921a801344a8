package org.xtsim.experiments;

import java.util.Objects;
import org.HdrHistogram.AbstractHistogram;

/**
 * A distribution a point recorded, e.g. iteration times or message latencies.
 *
 * @param name distribution name, e.g. {@code iteration_time}
 * @param unit unit of the recorded (integer) values, e.g. {@code ns}
 * @param histogram the recorded values; the framework only reads it
 */
public record Distribution(String name, String unit, AbstractHistogram histogram) {
  /** Checks the fields. */
  public Distribution {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(histogram, "histogram");
  }
}
