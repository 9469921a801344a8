package org.xtsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xtsim.engine.RunStatistics;
import org.xtsim.engine.SimTime;
import org.xtsim.engine.phold.PholdConfig;
import org.xtsim.engine.phold.PholdModel;
import org.xtsim.engine.phold.PholdResult;
import org.xtsim.params.Dimension;
import org.xtsim.params.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xtsim phold}: the PHOLD benchmark of the event core. */
@Command(
    name = "phold",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs PHOLD, the standard discrete-event engine benchmark, and prints committed events,"
          + " events per second and a digest of the final state.",
      "Each event schedules one new event at now + lookahead + Exp(mean - lookahead); with"
          + " probability --remote its destination is uniform over all LPs (self included).",
      "One time unit is "
          + PholdConfig.PS_PER_UNIT
          + " ps (1 us). Defaults are the reference"
          + " parameters of benchmarks.md."
    })
final class PholdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--lps",
      description = "Number of logical processes, 1 to 2^26 (default: ${DEFAULT-VALUE}).")
  int lps = 16_384;

  @Option(
      names = "--start-events",
      description = "Events each LP starts with, 1 to 65,536 (default: ${DEFAULT-VALUE}).")
  int startEvents = 1;

  @Option(
      names = "--remote",
      description =
          "Probability that an event goes to a uniformly chosen LP, in [0, 1] (default: ${DEFAULT-VALUE}).")
  double remote = 0.25;

  @Option(
      names = "--lookahead",
      description =
          "Minimum event delay, > 0 and <= --mean: PHOLD time units (1 unit = 1 us, as in"
              + " ROSS's abstract time) or a duration such as 500ns (default: ${DEFAULT-VALUE}).")
  String lookahead = "1";

  @Option(
      names = "--mean",
      description =
          "Mean event delay, in time units or as a duration such as 2us (default:"
              + " ${DEFAULT-VALUE}).")
  String mean = "2";

  @Option(
      names = "--end",
      description =
          "Simulated end time, in time units or as a duration such as 1ms; events at or after it"
              + " do not run (default: ${DEFAULT-VALUE}).")
  String end = "1000";

  @Option(
      names = "--threads",
      description = "Worker threads, 1 to 1,024 (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = "--seed", description = "Run seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--repeat",
      description =
          "Run this many times and report each run and the median rate, 1 to 1,000 (default:"
              + " ${DEFAULT-VALUE}).")
  int repeat = 1;

  @Option(names = "--json", description = "Print one JSON object per run instead of a summary.")
  boolean json;

  /** Most LPs: 2^26, about 17 GiB of heap by {@link #heapBytes}; PHOLD at 16,384 is the norm. */
  static final int MAX_LPS = 1 << 26;

  /** Most events each LP starts with. */
  static final int MAX_START_EVENTS = 1 << 16;

  /**
   * Heap a PHOLD run needs: a fixed part (classes' objects, statistics: <b>assumption</b>, 32 MiB)
   * plus, per LP, its component and random stream (256 B, <b>assumption</b>) and, per pending
   * event, an event slot and its queue entry (76 B) with the queue's doubling (× 2).
   */
  static long heapBytes(long lps, long startEvents) {
    return (32L << 20) + lps * 256 + lps * startEvents * 160;
  }

  /**
   * A time in PHOLD units: a plain number is units (1 unit = {@link PholdConfig#PS_PER_UNIT} ps), a
   * number with a unit a duration.
   */
  static double units(String option, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException notPlain) {
      return Units.parse(Dimension.DURATION, text, option, null) / PholdConfig.PS_PER_UNIT;
    }
  }

  @Override
  public Integer call() {
    CommandLimits.count("--repeat", repeat, 1, 1000);
    CommandLimits.count("--lps", lps, 1, MAX_LPS);
    CommandLimits.count("--start-events", startEvents, 1, MAX_START_EVENTS);
    CommandLimits.threads("--threads", threads);
    CommandLimits.requireHeap(
        "--lps/--start-events",
        String.format(Locale.ROOT, "%,d LPs with %,d events each", lps, startEvents),
        heapBytes(lps, startEvents));
    PholdConfig config =
        new PholdConfig(
            lps,
            startEvents,
            remote,
            units("--lookahead", lookahead),
            units("--mean", mean),
            units("--end", end),
            threads,
            seed);
    PrintWriter out = spec.commandLine().getOut();
    double[] rates = new double[repeat];
    String firstDigest = null;
    for (int r = 0; r < repeat; r++) {
      PholdResult result = PholdModel.run(config);
      rates[r] = result.statistics().eventsPerSecond();
      if (firstDigest == null) {
        firstDigest = result.digestHex();
      } else if (!firstDigest.equals(result.digestHex())) {
        throw new IllegalStateException(
            "run "
                + (r + 1)
                + " gave digest "
                + result.digestHex()
                + ", run 1 gave "
                + firstDigest);
      }
      out.println(json ? result.toJson() : summary(result));
    }
    if (repeat > 1 && !json) {
      java.util.Arrays.sort(rates);
      out.printf(
          Locale.ROOT, "median of %d runs: %.3f M events/s%n", repeat, rates[repeat / 2] / 1e6);
    }
    out.flush();
    return 0;
  }

  private static String summary(PholdResult result) {
    RunStatistics s = result.statistics();
    PholdConfig c = result.config();
    return String.format(
        Locale.ROOT,
        "PHOLD  lps=%d start-events=%d remote=%.3f lookahead=%s mean=%s end=%s seed=%d%n"
            + "  threads            %d%n"
            + "  committed events   %,d  (per thread %s)%n"
            + "  windows            %,d  (lookahead %s)%n"
            + "  wall time          %.3f s%n"
            + "  events per second  %.3f M%n"
            + "  stop reason        %s%n"
            + "  digest             %s",
        c.lps(),
        c.startEvents(),
        c.remote(),
        c.lookahead(),
        c.mean(),
        c.end(),
        c.seed(),
        s.threads(),
        s.committedEvents(),
        java.util.Arrays.toString(s.committedPerThread()),
        s.windows(),
        SimTime.format(s.lookaheadPs()),
        s.wallSeconds(),
        s.eventsPerSecond() / 1e6,
        s.stopReason(),
        result.digestHex());
  }
}
