package org.xtsim.node.os;

import java.util.List;
import org.xtsim.engine.SimTime;

/**
 * Turns a span of a node's work into its completion time, given the node's interruption sources.
 * Immutable and shared by all nodes; per-node state, including each node's random stream, lives in
 * an {@link InterruptionState}.
 *
 * <p>An interruption stops everything the node does: computation ({@link #phaseEnd}) and the host's
 * MPI work, such as taking a message or posting a send ({@link #hostWorkEnd}). An occurrence during
 * a span stops it for the occurrence's duration; occurrences that come while an earlier one runs
 * queue behind it. An occurrence that began while the node was idle costs nothing unless it still
 * runs when the next span would start, which then waits for its end: so a message that reaches an
 * interrupted node is handled when the interruption is over. For a deferred source (controlled
 * preemption) an occurrence does not stop anything: its work is queued and done in the node's idle
 * time, over as many idle gaps as it takes, and the node, resuming after a gap in which the host
 * began it, pays the occurrence's resume cost (the return to the guest, the refill of what the work
 * evicted) once for the gap. With a deferral limit (none by default), queued work waits at most
 * that long from the start of the host's backlog; then the host takes the core for all of it,
 * whatever the node is doing.
 *
 * <p>Per-node draws come from the node's own stream in the state; aligned sources use a hash of
 * (seed, occurrence number), so every node sees the same times and durations whatever the thread
 * that runs it.
 *
 * <p>Spans of one node must not go back in time; a span that starts inside a span already walked (a
 * message taken while the node computes, whose interruptions the computation's end already counts)
 * ends after its own work alone.
 */
public final class InterruptionTimeline {
  private final InterruptionSource[] sources;
  private final long[] periodPs;
  private final long alignedSeed;
  private final long[] salts;
  private final long deferralLimitPs;
  private final boolean anyDeferred;

  /**
   * A timeline whose deferred work waits for idle time without limit.
   *
   * @param sources the node's interruption sources
   * @param alignedSeed seed of the shared stream of aligned sources
   */
  public InterruptionTimeline(List<InterruptionSource> sources, long alignedSeed) {
    this(sources, alignedSeed, SimTime.NEVER);
  }

  /**
   * @param sources the node's interruption sources
   * @param alignedSeed seed of the shared stream of aligned sources
   * @param deferralLimitPs longest deferred work waits for idle time before it takes the core,
   *     &gt;= 0 ({@link SimTime#NEVER}: no limit)
   */
  public InterruptionTimeline(
      List<InterruptionSource> sources, long alignedSeed, long deferralLimitPs) {
    if (deferralLimitPs < 0) {
      throw new IllegalArgumentException("deferralLimitPs must be >= 0, was " + deferralLimitPs);
    }
    this.deferralLimitPs = deferralLimitPs;
    this.sources = sources.toArray(new InterruptionSource[0]);
    this.periodPs = new long[this.sources.length];
    for (int s = 0; s < this.sources.length; s++) {
      periodPs[s] = Math.max(1, Math.round(this.sources[s].meanGapPs()));
    }
    this.alignedSeed = alignedSeed;
    this.salts = salts(this.sources);
    boolean deferred = false;
    for (InterruptionSource s : this.sources) {
      deferred |= s.deferred();
    }
    this.anyDeferred = deferred;
  }

  /**
   * A salt per source from its name (and, for a name given twice, which of them it is): the same
   * source draws from the same stream in every configuration, wherever it stands in the list.
   */
  private static long[] salts(InterruptionSource[] sources) {
    long[] out = new long[sources.length];
    for (int s = 0; s < sources.length; s++) {
      int same = 0;
      for (int t = 0; t < s; t++) {
        if (sources[t].name().equals(sources[s].name())) {
          same++;
        }
      }
      out[s] = SplitMixRandom.mix64(sources[s].name().hashCode() * 31L + same);
    }
    return out;
  }

  /** The sources, in index order. */
  public List<InterruptionSource> sources() {
    return List.of(sources);
  }

  /** State for {@code nodes} nodes whose streams derive from {@code seed}. */
  public InterruptionState newState(int nodes, long seed) {
    return new InterruptionState(nodes, salts, seed);
  }

  /**
   * When a computation of {@code workPs} uninterrupted work that {@code node} starts at {@code
   * startPs} completes.
   *
   * @param state per-node state (advanced by this call)
   * @param node node index in {@code state}
   * @param startPs when the phase starts; calls for a node must not go back in time
   * @param workPs uninterrupted duration of the phase
   * @return completion time in picoseconds, at least {@code startPs + workPs}
   */
  public long phaseEnd(InterruptionState state, int node, long startPs, long workPs) {
    return walk(state, node, startPs, workPs);
  }

  /**
   * When host work of the MPI layer ({@code workPs}: taking a message, posting a send, a reduction)
   * that {@code node} may start at {@code startPs} completes. The same rule as a computation: the
   * guest is busy, so deferred host work keeps waiting unless its limit falls due.
   */
  public long hostWorkEnd(InterruptionState state, int node, long startPs, long workPs) {
    return walk(state, node, startPs, workPs);
  }

  /** The longest deferred work waits for idle time ({@link SimTime#NEVER}: no limit). */
  public long deferralLimitPs() {
    return deferralLimitPs;
  }

  private long walk(InterruptionState state, int node, long startPs, long workPs) {
    if (workPs < 0) {
      throw new IllegalArgumentException("workPs must be >= 0, was " + workPs);
    }
    long lastEnd = state.lastEndPs[node];
    if (lastEnd != InterruptionState.UNSET && startPs < lastEnd) {
      return startPs + workPs;
    }
    int base = node * state.sources;
    long t = startPs;
    for (int s = 0; s < sources.length; s++) {
      if (!sources[s].deferred()) {
        t = Math.max(t, catchUp(state, node, base + s, s, startPs));
      }
    }
    if (anyDeferred && (lastEnd == InterruptionState.UNSET || startPs > lastEnd)) {
      idleGap(state, node, lastEnd, startPs);
      // Resuming after host work ran in the gap: the return to the guest and the refill.
      t += state.pendingResumePs[node];
      state.pendingResumePs[node] = 0;
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
      long duePs = dueTime(state, node);
      if (duePs < firstPs && duePs < t + remaining) {
        // Queued host work has waited its limit: the host takes the core for all of it.
        long begin = Math.max(duePs, t);
        remaining -= begin - t;
        t = begin + state.pendingPs[node] + state.pendingResumePs[node];
        state.pendingPs[node] = 0;
        state.pendingResumePs[node] = 0;
        state.pendingSincePs[node] = InterruptionState.UNSET;
        continue;
      }
      if (first < 0 || firstPs >= t + remaining) {
        break;
      }
      int i = base + first;
      long duration = duration(state, i, first, state.sequence[i]);
      state.occurrences[i]++;
      step(state, node, i, first);
      if (sources[first].deferred()) {
        if (duration > 0) {
          if (state.pendingPs[node] == 0) {
            state.pendingSincePs[node] = firstPs;
          }
          state.pendingPs[node] += duration;
        }
        queueResume(state, node, first);
        continue;
      }
      // Work runs until the occurrence; one that comes during another waits for it.
      long begin = Math.max(firstPs, t);
      remaining -= begin - t;
      t = begin + duration;
    }
    long end = t + remaining;
    state.lastEndPs[node] = end;
    return end;
  }

  /** When the node's queued host work takes the core, or {@link SimTime#NEVER}. */
  private long dueTime(InterruptionState state, int node) {
    if (state.pendingPs[node] == 0 || deferralLimitPs == SimTime.NEVER) {
      return SimTime.NEVER;
    }
    long since = state.pendingSincePs[node];
    return since > SimTime.NEVER - deferralLimitPs ? SimTime.NEVER : since + deferralLimitPs;
  }

  /**
   * Moves source {@code s} of an idle node past {@code timePs}; returns when the last occurrence
   * before {@code timePs} ends (its duration drawn now), or {@link Long#MIN_VALUE} if none came.
   * Earlier occurrences of the idle time are taken to have ended by then.
   */
  private long catchUp(InterruptionState state, int node, int i, int s, long timePs) {
    if (state.nextPs[i] == InterruptionState.UNSET) {
      start(state, node, i, s);
    }
    if (state.nextPs[i] >= timePs) {
      return Long.MIN_VALUE;
    }
    InterruptionSource src = sources[s];
    long last;
    long lastSequence;
    if (src.arrival() == InterruptionSource.Arrival.PERIODIC) {
      long k = (timePs - state.nextPs[i] + periodPs[s] - 1) / periodPs[s];
      last = state.nextPs[i] + (k - 1) * periodPs[s];
      state.nextPs[i] += k * periodPs[s];
      state.sequence[i] += k;
      lastSequence = state.sequence[i] - 1;
    } else if (src.timing() == InterruptionSource.Timing.PER_NODE) {
      // Given an arrival at nextPs, the last one before timePs is an exponential age back from
      // timePs (or nextPs itself); the next one a fresh gap after timePs: Poisson is memoryless.
      long age = gap(src, state.nextUniform(i));
      last = Math.max(state.nextPs[i], timePs - age);
      state.nextPs[i] = timePs + gap(src, state.nextUniform(i));
      lastSequence = 0;
    } else {
      do {
        last = state.nextPs[i];
        lastSequence = state.sequence[i];
        step(state, node, i, s);
      } while (state.nextPs[i] < timePs);
    }
    state.occurrences[i]++;
    return last + duration(state, i, s, lastSequence);
  }

  /**
   * The node was idle from {@code fromPs} ({@link InterruptionState#UNSET}: since it began) to
   * {@code toPs}: the host does its queued work and the deferred occurrences of the gap in order of
   * arrival, back to back; what is left at {@code toPs} stays queued, waiting since the start of
   * the host's backlog.
   */
  private void idleGap(InterruptionState state, int node, long fromPs, long toPs) {
    int base = node * state.sources;
    long pending = state.pendingPs[node];
    long hostFreePs = fromPs == InterruptionState.UNSET ? Long.MIN_VALUE : fromPs + pending;
    long backlogSincePs = pending > 0 ? state.pendingSincePs[node] : InterruptionState.UNSET;
    while (true) {
      int first = -1;
      long firstPs = toPs;
      for (int s = 0; s < sources.length; s++) {
        if (!sources[s].deferred()) {
          continue;
        }
        int i = base + s;
        if (state.nextPs[i] == InterruptionState.UNSET) {
          start(state, node, i, s);
        }
        if (state.nextPs[i] < firstPs) {
          firstPs = state.nextPs[i];
          first = s;
        }
      }
      if (first < 0) {
        break;
      }
      int i = base + first;
      long duration = duration(state, i, first, state.sequence[i]);
      state.occurrences[i]++;
      step(state, node, i, first);
      queueResume(state, node, first);
      if (hostFreePs <= firstPs) {
        backlogSincePs = firstPs;
        hostFreePs = firstPs;
      }
      hostFreePs += duration;
    }
    if (hostFreePs > toPs) {
      state.pendingPs[node] = hostFreePs - toPs;
      state.pendingSincePs[node] = backlogSincePs;
    } else {
      state.pendingPs[node] = 0;
      state.pendingSincePs[node] = InterruptionState.UNSET;
    }
  }

  /**
   * Host work of deferred source {@code s} ran or will run in the node's idle time: the node pays
   * the source's resume cost when it resumes, once however many pieces ran in one gap (the lines
   * they evicted come back once).
   */
  private void queueResume(InterruptionState state, int node, int s) {
    state.pendingResumePs[node] = Math.max(state.pendingResumePs[node], sources[s].resumeCostPs());
  }

  private void start(InterruptionState state, int node, int i, int s) {
    InterruptionSource src = sources[s];
    boolean aligned = src.timing() == InterruptionSource.Timing.ALIGNED;
    state.sequence[i] = 0;
    if (src.arrival() == InterruptionSource.Arrival.PERIODIC) {
      state.nextPs[i] = aligned ? 0 : (long) (state.nextUniform(i) * periodPs[s]);
    } else {
      state.nextPs[i] = gap(src, aligned ? sharedUniform(s, 0, 0) : state.nextUniform(i));
    }
  }

  private void step(InterruptionState state, int node, int i, int s) {
    InterruptionSource src = sources[s];
    state.sequence[i]++;
    if (src.arrival() == InterruptionSource.Arrival.PERIODIC) {
      state.nextPs[i] += periodPs[s];
    } else {
      double u =
          src.timing() == InterruptionSource.Timing.ALIGNED
              ? sharedUniform(s, state.sequence[i], 0)
              : state.nextUniform(i);
      state.nextPs[i] += gap(src, u);
    }
  }

  /** The duration of occurrence {@code sequence} of source {@code s} (state element {@code i}). */
  private long duration(InterruptionState state, int i, int s, long sequence) {
    DurationDistribution d = sources[s].duration();
    if (!d.random()) {
      return d.fixedPs();
    }
    double u =
        sources[s].timing() == InterruptionSource.Timing.ALIGNED
            ? sharedUniform(s, sequence, 1)
            : state.nextUniform(i);
    return d.sample(u);
  }

  private static long gap(InterruptionSource src, double u) {
    return Math.max(1, Math.round(-src.meanGapPs() * Math.log1p(-u)));
  }

  private double sharedUniform(int source, long sequence, int salt) {
    long z = SplitMixRandom.mix64(alignedSeed + 0x9E3779B97F4A7C15L * (sequence * 4 + salt + 1));
    z = SplitMixRandom.mix64(z + salts[source]);
    return (z >>> 11) * 0x1.0p-53;
  }
}
