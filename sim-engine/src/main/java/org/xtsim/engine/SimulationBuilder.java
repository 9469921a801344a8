package org.xtsim.engine;

import java.util.Arrays;
import java.util.Objects;
import org.xtsim.engine.internal.Engine;
import org.xtsim.engine.internal.Topology;

/**
 * Declares a simulation: its components and their handlers, the links between them with their
 * latencies, and how to run it. Component and link ids are handed out in order from 0 and stay
 * stable, whatever the thread count.
 */
public final class SimulationBuilder {
  private EventHandler[] handlers = new EventHandler[16];
  private int componentCount;

  private int[] linkFrom = new int[16];
  private int[] linkTo = new int[16];
  private long[] linkLatencyPs = new long[16];
  private int linkCount;

  private long anyToAnyLatencyPs = -1;
  private long seed = 1;
  private int threads = 1;
  private long endTimePs = SimTime.NEVER;
  private Partitioner partitioner = Partitioner.blocks();
  private ProgressListener progressListener;
  private long progressIntervalNanos = 1_000_000_000L;
  private int ringSlots = 0;

  SimulationBuilder() {}

  /** Adds one component and returns its id. */
  public int addComponent(EventHandler handler) {
    return addComponents(1, handler);
  }

  /** Adds {@code count} components sharing one handler and returns the first id. */
  public int addComponents(int count, EventHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (count <= 0) {
      throw new IllegalArgumentException("component count must be > 0, was " + count);
    }
    int first = componentCount;
    int needed = Math.addExact(componentCount, count);
    if (needed > handlers.length) {
      handlers = Arrays.copyOf(handlers, Math.max(needed, handlers.length * 2));
    }
    Arrays.fill(handlers, first, needed, handler);
    componentCount = needed;
    return first;
  }

  /**
   * Declares a one-way link from {@code from} to {@code to} with a latency ≥ 0 and returns its id.
   * Events sent over it must be delayed by at least that latency. A link that crosses partitions
   * must have a latency &gt; 0; the smallest such latency is the run's lookahead.
   */
  public int link(int from, int to, long latencyPs) {
    checkComponent(from, "from");
    checkComponent(to, "to");
    if (latencyPs < 0) {
      throw new IllegalArgumentException("link latency must be >= 0 ps, was " + latencyPs);
    }
    if (linkCount == linkFrom.length) {
      int n = linkCount * 2;
      linkFrom = Arrays.copyOf(linkFrom, n);
      linkTo = Arrays.copyOf(linkTo, n);
      linkLatencyPs = Arrays.copyOf(linkLatencyPs, n);
    }
    linkFrom[linkCount] = from;
    linkTo[linkCount] = to;
    linkLatencyPs[linkCount] = latencyPs;
    return linkCount++;
  }

  /**
   * Lets every component send to every component with {@link Context#sendTo}, with a delay of at
   * least {@code minLatencyPs} &gt; 0 (PHOLD, or an analytic network in which any node reaches any
   * other).
   */
  public SimulationBuilder connectAll(long minLatencyPs) {
    if (minLatencyPs <= 0) {
      throw new IllegalArgumentException(
          "any-to-any latency must be > 0 ps (it bounds the lookahead), was " + minLatencyPs);
    }
    this.anyToAnyLatencyPs = minLatencyPs;
    return this;
  }

  /** The run seed from which every component's random stream is derived. */
  public SimulationBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Number of worker threads (partitions), at least 1. */
  public SimulationBuilder threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
    return this;
  }

  /**
   * Events at or after this time are not executed. Default: {@link SimTime#NEVER}, run until no
   * events are left.
   */
  public SimulationBuilder endTimePs(long endTimePs) {
    if (endTimePs < 0) {
      throw new IllegalArgumentException("end time must be >= 0 ps, was " + endTimePs);
    }
    this.endTimePs = endTimePs;
    return this;
  }

  /** How components are assigned to worker threads. Default: {@link Partitioner#blocks()}. */
  public SimulationBuilder partitioner(Partitioner partitioner) {
    this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
    return this;
  }

  /** Reports progress at most once per {@code intervalMillis} of wall-clock time. */
  public SimulationBuilder progress(ProgressListener listener, long intervalMillis) {
    this.progressListener = Objects.requireNonNull(listener, "listener");
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("progress interval must be > 0 ms");
    }
    this.progressIntervalNanos = intervalMillis * 1_000_000L;
    return this;
  }

  /**
   * Slots in each cross-thread ring buffer (a power of two). Default: chosen from the thread count.
   * A full ring never deadlocks (the sender drains its own inbox while it waits); a larger ring
   * only waits less.
   */
  public SimulationBuilder ringSlots(int slots) {
    if (slots < 2 || Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("ring slots must be a power of two >= 2, was " + slots);
    }
    this.ringSlots = slots;
    return this;
  }

  /** Number of components declared so far. */
  public int componentCount() {
    return componentCount;
  }

  /** Builds the simulation; the builder may not be used afterwards. */
  public Simulation build() {
    if (componentCount == 0) {
      throw new IllegalStateException("a simulation needs at least one component");
    }
    int partitions = Math.min(threads, componentCount);
    int[] owner = partitioner.assign(componentCount, partitions);
    if (owner == null || owner.length != componentCount) {
      throw new IllegalStateException("partitioner must assign every one of the components");
    }
    for (int id = 0; id < componentCount; id++) {
      if (owner[id] < 0 || owner[id] >= partitions) {
        throw new IllegalStateException(
            "partitioner put component " + id + " in partition " + owner[id] + " of " + partitions);
      }
    }
    Topology topology =
        new Topology(
            Arrays.copyOf(handlers, componentCount),
            Arrays.copyOf(linkFrom, linkCount),
            Arrays.copyOf(linkTo, linkCount),
            Arrays.copyOf(linkLatencyPs, linkCount),
            anyToAnyLatencyPs,
            owner,
            partitions);
    int slots = ringSlots != 0 ? ringSlots : (partitions <= 4 ? 4096 : 1024);
    Engine engine =
        new Engine(topology, seed, endTimePs, slots, progressListener, progressIntervalNanos);
    return new Simulation(engine);
  }

  private void checkComponent(int id, String role) {
    if (id < 0 || id >= componentCount) {
      throw new IllegalArgumentException(
          "link "
              + role
              + " component "
              + id
              + " does not exist (0.."
              + (componentCount - 1)
              + ")");
    }
  }
}
