package org.xtsim.engine.phold;

/**
 * PHOLD parameters, in PHOLD time units ({@link #PS_PER_UNIT} picoseconds each).
 *
 * @param lps number of logical processes, &gt; 0
 * @param startEvents events each process starts with, &gt; 0
 * @param remote probability that an event goes to a uniformly chosen process, in [0, 1]
 * @param lookahead minimum delay of every event, &gt; 0 and ≤ mean
 * @param mean mean delay of every event
 * @param end simulated end time; events at or after it are not executed
 * @param threads worker threads, ≥ 1
 * @param seed run seed
 */
public record PholdConfig(
    int lps,
    int startEvents,
    double remote,
    double lookahead,
    double mean,
    double end,
    int threads,
    long seed) {

  /** One PHOLD time unit in picoseconds: 1 µs, so that delays keep six decimal digits. */
  public static final long PS_PER_UNIT = 1_000_000L;

  /** The reference parameters of {@code benchmarks.md} (ROSS commits about 8.19 M events). */
  public static PholdConfig reference(int threads) {
    return new PholdConfig(16_384, 1, 0.25, 1.0, 2.0, 1_000.0, threads, 1L);
  }

  /** Checks every parameter; the message names the CLI option and what is allowed. */
  public PholdConfig {
    require(lps > 0, "--lps must be > 0, was " + lps);
    require(startEvents > 0, "--start-events must be > 0, was " + startEvents);
    require(remote >= 0 && remote <= 1, "--remote must be in [0, 1], was " + remote);
    require(lookahead > 0, "--lookahead must be > 0, was " + lookahead);
    require(
        mean >= lookahead,
        "--lookahead must not exceed --mean (lookahead " + lookahead + " > mean " + mean + ")");
    require(end > 0, "--end must be > 0, was " + end);
    require(threads >= 1, "--threads must be >= 1, was " + threads);
    require(
        end * PS_PER_UNIT < Long.MAX_VALUE / 2,
        "--end is too large, at most " + (Long.MAX_VALUE / 2 / PS_PER_UNIT) + " units");
  }

  /** Lookahead in picoseconds. */
  public long lookaheadPs() {
    return Math.round(lookahead * PS_PER_UNIT);
  }

  /** End time in picoseconds. */
  public long endPs() {
    return Math.round(end * PS_PER_UNIT);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
