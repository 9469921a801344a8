package org.xtsim.node.os;

import java.util.List;
import org.xtsim.engine.RandomStream;

/**
 * Turns a phase's uninterrupted work into its completion time on one node, given the node's
 * interruption sources. Immutable and shared by all nodes; per-node state lives in an {@link
 * InterruptionState}.
 *
 * <p>Occurrences that fall while the node is idle (between phases) cost nothing. An occurrence
 * during a phase stops it for the occurrence's duration (or, for a deferred source, queues its work
 * for the next idle time). Per-node draws come from the node's own {@link RandomStream}; aligned
 * sources use a hash of (seed, occurrence number), so every node sees the same times and durations
 * whatever the thread that runs it.
 */
public final class InterruptionTimeline {
  private final InterruptionSource[] sources;
  private final long[] periodPs;
  private final long alignedSeed;

  /**
   * @param sources the node's interruption sources
   * @param alignedSeed seed of the shared stream of aligned Poisson sources
   */
  public InterruptionTimeline(List<InterruptionSource> sources, long alignedSeed) {
    this.sources = sources.toArray(new InterruptionSource[0]);
    this.periodPs = new long[this.sources.length];
    for (int s = 0; s < this.sources.length; s++) {
      periodPs[s] = Math.max(1, Math.round(this.sources[s].meanGapPs()));
    }
    this.alignedSeed = alignedSeed;
  }

  /** The sources, in index order. */
  public List<InterruptionSource> sources() {
    return List.of(sources);
  }

  /** State for {@code nodes} nodes. */
  public InterruptionState newState(int nodes) {
    return new InterruptionState(nodes, sources.length);
  }

  /**
   * When a phase of {@code workPs} uninterrupted work that {@code node} starts at {@code startPs}
   * completes.
   *
   * @param state per-node state (advanced by this call)
   * @param node node index in {@code state}
   * @param startPs when the phase starts; calls for a node must not go back in time
   * @param workPs uninterrupted duration of the phase
   * @param random the node's own random stream
   * @return completion time in picoseconds, at least {@code startPs + workPs}
   */
  public long phaseEnd(
      InterruptionState state, int node, long startPs, long workPs, RandomStream random) {
    if (workPs < 0) {
      throw new IllegalArgumentException("workPs must be >= 0, was " + workPs);
    }
    int base = node * state.sources;
    long t = startPs;
    long lastEnd = state.lastEndPs[node];
    if (lastEnd != InterruptionState.UNSET && state.pendingPs[node] > 0) {
      long idle = Math.max(0, startPs - lastEnd);
      long left = Math.max(0, state.pendingPs[node] - idle);
      t += left;
      state.pendingPs[node] = 0;
    }
    for (int s = 0; s < sources.length; s++) {
      advanceTo(state, base + s, s, sources[s].deferred() ? startPs : t, random);
    }
    long remaining = workPs;
    while (true) {
      int first = -1;
      long firstPs = Long.MAX_VALUE;
      for (int s = 0; s < sources.length; s++) {
        long n = state.nextPs[base + s];
        if (n < firstPs) {
          firstPs = n;
          first = s;
        }
      }
      if (first < 0 || firstPs >= t + remaining) {
        break;
      }
      int i = base + first;
      long duration = duration(state, i, first, random);
      state.occurrences[i]++;
      step(state, i, first, random);
      if (sources[first].deferred()) {
        state.pendingPs[node] += duration;
        continue;
      }
      long begin = Math.max(firstPs, t);
      remaining -= begin - t;
      t = begin + duration;
    }
    long end = t + remaining;
    state.lastEndPs[node] = end;
    return end;
  }

  private void advanceTo(InterruptionState state, int i, int s, long timePs, RandomStream random) {
    InterruptionSource src = sources[s];
    if (state.nextPs[i] == InterruptionState.UNSET) {
      start(state, i, s, random);
    }
    if (state.nextPs[i] >= timePs) {
      return;
    }
    if (src.arrival() == InterruptionSource.Arrival.PERIODIC) {
      long behind = timePs - state.nextPs[i];
      long k = (behind + periodPs[s] - 1) / periodPs[s];
      state.nextPs[i] += k * periodPs[s];
      state.sequence[i] += k;
    } else if (src.timing() == InterruptionSource.Timing.PER_NODE) {
      // Poisson arrivals are memoryless: a fresh gap from timePs has the same law.
      state.nextPs[i] = timePs + gap(src, random.nextDouble());
    } else {
      while (state.nextPs[i] < timePs) {
        step(state, i, s, random);
      }
    }
  }

  private void start(InterruptionState state, int i, int s, RandomStream random) {
    InterruptionSource src = sources[s];
    boolean aligned = src.timing() == InterruptionSource.Timing.ALIGNED;
    state.sequence[i] = 0;
    if (src.arrival() == InterruptionSource.Arrival.PERIODIC) {
      state.nextPs[i] = aligned ? 0 : (long) (random.nextDouble() * periodPs[s]);
    } else {
      state.nextPs[i] = gap(src, aligned ? sharedUniform(s, 0, 0) : random.nextDouble());
    }
  }

  private void step(InterruptionState state, int i, int s, RandomStream random) {
    InterruptionSource src = sources[s];
    state.sequence[i]++;
    if (src.arrival() == InterruptionSource.Arrival.PERIODIC) {
      state.nextPs[i] += periodPs[s];
    } else {
      double u =
          src.timing() == InterruptionSource.Timing.ALIGNED
              ? sharedUniform(s, state.sequence[i], 0)
              : random.nextDouble();
      state.nextPs[i] += gap(src, u);
    }
  }

  private long duration(InterruptionState state, int i, int s, RandomStream random) {
    DurationDistribution d = sources[s].duration();
    if (!d.random()) {
      return d.meanPs();
    }
    double u =
        sources[s].timing() == InterruptionSource.Timing.ALIGNED
            ? sharedUniform(s, state.sequence[i], 1)
            : random.nextDouble();
    return d.sample(u);
  }

  private static long gap(InterruptionSource src, double u) {
    return Math.max(1, Math.round(-src.meanGapPs() * Math.log1p(-u)));
  }

  private double sharedUniform(int source, long sequence, int salt) {
    long z = SplitMixRandom.mix64(alignedSeed + 0x9E3779B97F4A7C15L * (sequence * 4 + salt + 1));
    z = SplitMixRandom.mix64(z + source);
    return (z >>> 11) * 0x1.0p-53;
  }
}
