package org.xtsim.engine;

import org.xtsim.engine.internal.Engine;

/** A built simulation, ready to {@link #run()} once. */
public final class Simulation {
  private final Engine engine;

  Simulation(Engine engine) {
    this.engine = engine;
  }

  /** Starts declaring a simulation. */
  public static SimulationBuilder builder() {
    return new SimulationBuilder();
  }

  /**
   * Initialises every component, then runs until the end time, until no events are left, or until a
   * stop is requested.
   *
   * @throws LookaheadViolationException if a model sent with less than a link's latency
   * @throws IllegalStateException if called twice
   */
  public RunStatistics run() {
    return engine.run();
  }

  /** Asks a running simulation to stop at its next synchronisation point; safe from any thread. */
  public void stop() {
    engine.requestStop();
  }

  /** The lookahead this run uses: the smallest latency of a link crossing partitions. */
  public long lookaheadPs() {
    return engine.lookaheadPs();
  }

  /** The random-stream state of a component (after the run: its final state). */
  public long randomState(int componentId) {
    return engine.randomState(componentId);
  }

  /** Number of components. */
  public int componentCount() {
    return engine.componentCount();
  }
}
