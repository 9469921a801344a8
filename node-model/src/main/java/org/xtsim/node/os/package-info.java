/**
 * Node operating systems and their noise: {@link org.xtsim.node.os.OsPersonality} (Catamount,
 * Compute Node Linux, Kitten in {@link org.xtsim.node.os.OsPersonalities}), interruption sources
 * (ticks, daemons, host preemption, injected noise), and {@link
 * org.xtsim.node.os.InterruptionTimeline}, which turns a phase's work into its completion time on a
 * node from per-node primitive state ({@link org.xtsim.node.os.InterruptionState}); an interruption
 * stops the node's MPI host work as well ({@code hostWorkEnd}). Durations ({@link
 * org.xtsim.node.os.DurationDistribution}) are fixed, exponential, uniform or heavy-tailed Pareto
 * (commons-math3 laws).
 *
 * <pre>
 *  work ──►|████|tick|██████|daemon|███|──► end
 *          start                            phaseEnd(state, node, start, work)
 * </pre>
 */
package org.xtsim.node.os;
