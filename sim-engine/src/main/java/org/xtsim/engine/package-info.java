/**
 * The public API of xtsim's discrete-event core: what a model author sees.
 *
 * <pre>
 *   SimulationBuilder ──build()──► Simulation ──run()──► RunStatistics
 *        │ addComponent(handler) → id            │
 *        │ link(from, to, latencyPs) → link id   │  workers (threads), each owning a block of
 *        │ connectAll(minLatencyPs)              │  components, exchange events in conservative
 *        │ seed, threads, endTimePs, partitioner │  windows of width = lookahead
 *        ▼                                       ▼
 *   EventHandler.init(ctx) / onEvent(event, ctx): the model's code, per component
 * </pre>
 *
 * <p>Time is a {@code long} count of picoseconds ({@link org.xtsim.engine.SimTime}). An event
 * carries a type and three {@code long} arguments; models keep richer state in their own arrays and
 * pass indices, so the engine never allocates per event. Events are executed in a total order that
 * does not depend on threads or partitions: by time, then by the sending component's id, then by
 * that component's own send sequence number. Each component has its own random stream derived from
 * (run seed, component id). Components must not share mutable state: a component's state is changed
 * only by its own events, which is what makes a run with one thread and with many give the same
 * answer, bit for bit.
 *
 * <p>The scheduler, the window synchronisation and the LMAX Disruptor wiring live in {@code
 * org.xtsim.engine.internal} and are not part of the API.
 */
package org.xtsim.engine;
