package org.xtsim.engine;

/**
 * What a handler may do while it runs: read the clock, draw random numbers from the component's own
 * stream, and schedule events. Valid only during {@link EventHandler#init} and {@link
 * EventHandler#onEvent}; the engine reuses the object.
 *
 * <p>Every scheduling call takes an event type and up to three {@code long} arguments and allocates
 * nothing.
 */
public interface Context {
  /** The current simulated time in picoseconds. */
  long nowPs();

  /** The id of the component being executed. */
  int self();

  /** This component's random stream, derived from (run seed, component id). */
  RandomStream random();

  /**
   * Schedules an event to this component after {@code delayPs} ≥ 0. A zero delay runs after the
   * current event, in the documented same-time order.
   */
  void schedule(long delayPs, int type, long arg0, long arg1, long arg2);

  /**
   * Sends an event over a link declared with {@link SimulationBuilder#link}. The link must start at
   * this component and {@code delayPs} must be at least the link's latency.
   *
   * @throws LookaheadViolationException if {@code delayPs} is below the link latency
   */
  void send(int linkId, long delayPs, int type, long arg0, long arg1, long arg2);

  /**
   * Sends an event to any component, allowed once {@link SimulationBuilder#connectAll} has declared
   * an any-to-any latency; {@code delayPs} must be at least that latency (sending to itself
   * included, which keeps the order independent of the partitioning).
   *
   * @throws LookaheadViolationException if {@code delayPs} is below the any-to-any latency
   */
  void sendTo(int target, long delayPs, int type, long arg0, long arg1, long arg2);

  /** The latency of a declared link, in picoseconds. */
  long linkLatencyPs(int linkId);

  /**
   * Asks the run to stop early. A sequential run stops once every event at the current time has
   * run; a parallel run stops at the end of the current synchronisation window. Models that need
   * identical results at every thread count should end by running out of events or by the end time
   * instead.
   */
  void requestStop();

  /**
   * Runs {@code work.runPart(i)} once for every {@code i} in {@code [0, parts)} and returns when
   * all have run. Parts run in ascending order on this thread, except that worker threads idle at
   * the window barrier may take some of them meanwhile; the parts must therefore be independent of
   * one another ({@link ParallelWork}). This is for the rare event that does a large amount of work
   * while the rest of the model waits for it (a global pass over many components' state): without
   * it, every other thread would sit idle for the whole event. It allocates nothing.
   *
   * <p>If a part throws, the exception of the lowest-numbered failing part is rethrown here; other
   * parts may or may not have run.
   */
  void runParts(ParallelWork work, int parts);

  /** Convenience: {@link #schedule(long, int, long, long, long)} without arguments. */
  default void schedule(long delayPs, int type) {
    schedule(delayPs, type, 0L, 0L, 0L);
  }

  /** Convenience: {@link #schedule(long, int, long, long, long)} with one argument. */
  default void schedule(long delayPs, int type, long arg0) {
    schedule(delayPs, type, arg0, 0L, 0L);
  }

  /** Convenience: {@link #send(int, long, int, long, long, long)} without arguments. */
  default void send(int linkId, long delayPs, int type) {
    send(linkId, delayPs, type, 0L, 0L, 0L);
  }

  /** Convenience: {@link #sendTo(int, long, int, long, long, long)} without arguments. */
  default void sendTo(int target, long delayPs, int type) {
    sendTo(target, delayPs, type, 0L, 0L, 0L);
  }
}
