package org.xtsim.experiments.run;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.xtsim.engine.SimTime;
import org.xtsim.experiments.ProgressSink;
import org.xtsim.experiments.RunPoint;

/**
 * Progress of a sweep on stderr: points done of total, elapsed time, an ETA, and the running point
 * with how long it has run and how far it got (the fraction done when the runner knows its end, the
 * simulated time and events it reported). The ETA comes from a {@link PointCostModel} fitted on the
 * wall times of the points finished so far; there is none until the model can predict every point
 * left. Quiet for short sweeps: the first line comes after {@code intervalNanos}, and then at most
 * one line per interval, also while the runner reports nothing (see {@link #tickEveryInterval}).
 */
final class ProgressReporter implements ProgressSink {
  private final PrintWriter err;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private final List<RunPoint> todo;
  private final long startNanos;
  private final PointCostModel costs = new PointCostModel();

  private long lastPrintNanos;
  private int donePoints;
  private RunPoint current;
  private long currentStartNanos;

  /**
   * When the last point finished (or the sweep started): a point's cost runs from there to its own
   * end, so that what the run does between points (rewriting the result files) is charged to them
   * and the ETA includes it.
   */
  private long lastFinishNanos;

  private volatile double currentFraction = Double.NaN;
  private volatile long currentSimulatedPs = -1;
  private volatile long currentEvents = -1;
  private boolean silenced;

  /**
   * @param err where progress lines go
   * @param nanoClock monotonic clock in nanoseconds
   * @param intervalNanos least time between two lines
   * @param todo the points this invocation runs, in the order it runs them
   */
  ProgressReporter(
      PrintWriter err, LongSupplier nanoClock, long intervalNanos, List<RunPoint> todo) {
    this.err = err;
    this.nanoClock = nanoClock;
    this.intervalNanos = intervalNanos;
    this.todo = List.copyOf(todo);
    this.startNanos = nanoClock.getAsLong();
    this.lastPrintNanos = startNanos;
    this.lastFinishNanos = startNanos;
  }

  /** A point starts: the next of the list given. */
  synchronized void started(RunPoint point) {
    current = point;
    currentStartNanos = nanoClock.getAsLong();
    currentFraction = Double.NaN;
    currentSimulatedPs = -1;
    currentEvents = -1;
    maybePrint();
  }

  @Override
  public void fractionDone(double fraction) {
    currentFraction = Math.max(0, Math.min(1, fraction));
    maybePrint();
  }

  @Override
  public void advanced(long simulatedPs, long committedEvents) {
    currentSimulatedPs = simulatedPs;
    currentEvents = committedEvents;
    maybePrint();
  }

  /** The current point finished; its cost teaches the cost model. */
  synchronized void finished() {
    long now = nanoClock.getAsLong();
    costs.add(current, (now - lastFinishNanos) / 1e9);
    lastFinishNanos = now;
    donePoints++;
    current = null;
    maybePrint();
  }

  /**
   * Prints a line at least once per interval while the sweep runs, even while the runner reports
   * nothing (a node model calibrating for seconds before its simulation starts), from a daemon
   * thread that stops when the returned handle is closed.
   */
  Ticking tickEveryInterval() {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "xtsim-progress");
              t.setDaemon(true);
              return t;
            });
    // Ticks four times per interval: a tick a hair early must not push the line a whole one late.
    long tickNanos = Math.max(1, intervalNanos / 4);
    timer.scheduleAtFixedRate(this::maybePrint, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    return timer::shutdownNow;
  }

  /** Ticking from {@link #tickEveryInterval}; closing it stops the ticks. */
  @FunctionalInterface
  interface Ticking extends AutoCloseable {
    @Override
    void close();
  }

  /** No more lines: the run is being stopped and says so itself. */
  synchronized void silence() {
    silenced = true;
  }

  private synchronized void maybePrint() {
    long now = nanoClock.getAsLong();
    if (silenced || now - lastPrintNanos < intervalNanos) {
      return;
    }
    lastPrintNanos = now;
    err.println(line(now));
    err.flush();
  }

  /** The progress line at time {@code now}. */
  synchronized String line(long now) {
    StringBuilder sb = new StringBuilder("xtsim run: ");
    sb.append(String.format(Locale.ROOT, "%d/%d points", donePoints, todo.size()));
    sb.append(", elapsed ").append(duration((now - startNanos) / 1e9));
    OptionalDouble eta = remainingSeconds(now);
    if (eta.isPresent()) {
      sb.append(", ETA ").append(duration(eta.getAsDouble()));
    }
    if (current != null) {
      sb.append("; running ").append(current.id());
      sb.append(" for ").append(duration((now - currentStartNanos) / 1e9));
      sb.append(howFar());
    }
    return sb.toString();
  }

  /**
   * Predicted wall seconds of the points not finished, less what the running one has already cost
   * (never below nothing for it); empty while the model cannot predict them all.
   */
  OptionalDouble remainingSeconds(long now) {
    OptionalDouble left = costs.predictSeconds(todo.subList(donePoints, todo.size()));
    if (left.isEmpty() || current == null) {
      return left;
    }
    double runningPredicted = costs.predictSeconds(current).orElse(0);
    double runningCost = (now - lastFinishNanos) / 1e9;
    return OptionalDouble.of(left.getAsDouble() - Math.min(runningPredicted, runningCost));
  }

  /** " (42%, simulated 1.2 ms, 3,456 events)", or "" when the runner reported nothing yet. */
  private String howFar() {
    StringBuilder sb = new StringBuilder();
    double fraction = currentFraction;
    if (!Double.isNaN(fraction)) {
      sb.append(String.format(Locale.ROOT, "%.0f%%", 100 * fraction));
    }
    long simulatedPs = currentSimulatedPs;
    long events = currentEvents;
    if (simulatedPs >= 0) {
      sb.append(sb.length() > 0 ? ", " : "")
          .append("simulated ")
          .append(SimTime.format(simulatedPs));
      sb.append(String.format(Locale.ROOT, ", %,d events", events));
    }
    return sb.length() == 0 ? "" : " (" + sb + ")";
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
