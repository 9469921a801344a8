package org.xtsim.experiments.run;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.xtsim.experiments.ProgressSink;
import org.xtsim.experiments.RunPoint;

/**
 * Progress of a sweep on stderr: points done of total, the running point and how far it got,
 * elapsed time and an ETA. The ETA weighs each point by its node count (simulation work grows with
 * it). Quiet for short sweeps: the first line comes after {@link #intervalNanos}, and then at most
 * one line per interval.
 */
final class ProgressReporter implements ProgressSink {
  private final PrintWriter err;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private final int totalPoints;
  private final double totalWeight;
  private final long startNanos;

  private long lastPrintNanos;
  private int donePoints;
  private double doneWeight;
  private RunPoint current;
  private volatile double currentFraction;

  /**
   * @param err where progress lines go
   * @param nanoClock monotonic clock in nanoseconds
   * @param intervalNanos least time between two lines
   * @param totalPoints points to run in this invocation
   * @param totalWeight sum of their weights (node counts)
   */
  ProgressReporter(
      PrintWriter err,
      LongSupplier nanoClock,
      long intervalNanos,
      int totalPoints,
      double totalWeight) {
    this.err = err;
    this.nanoClock = nanoClock;
    this.intervalNanos = intervalNanos;
    this.totalPoints = totalPoints;
    this.totalWeight = totalWeight;
    this.startNanos = nanoClock.getAsLong();
    this.lastPrintNanos = startNanos;
  }

  /** A point starts. */
  synchronized void started(RunPoint point) {
    current = point;
    currentFraction = 0;
    maybePrint();
  }

  @Override
  public void fractionDone(double fraction) {
    currentFraction = Math.max(0, Math.min(1, fraction));
    maybePrint();
  }

  /** The current point finished. */
  synchronized void finished() {
    donePoints++;
    doneWeight += current.nodes();
    current = null;
    maybePrint();
  }

  private synchronized void maybePrint() {
    long now = nanoClock.getAsLong();
    if (now - lastPrintNanos < intervalNanos) {
      return;
    }
    lastPrintNanos = now;
    err.println(line(now));
    err.flush();
  }

  /** The progress line at time {@code now}. */
  String line(long now) {
    RunPoint running = current;
    double weight = doneWeight + (running == null ? 0 : running.nodes() * currentFraction);
    double elapsed = (now - startNanos) / 1e9;
    StringBuilder sb = new StringBuilder("xtsim run: ");
    sb.append(String.format(Locale.ROOT, "%d/%d points", donePoints, totalPoints));
    if (running != null) {
      sb.append(String.format(Locale.ROOT, ", %s at %.0f%%", running.id(), 100 * currentFraction));
    }
    sb.append(", elapsed ").append(duration(elapsed));
    if (weight > 0 && totalWeight > 0) {
      sb.append(", ETA ").append(duration(elapsed * (totalWeight - weight) / weight));
    }
    return sb.toString();
  }

  /** "42s", "3m07s", "1h02m". */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
