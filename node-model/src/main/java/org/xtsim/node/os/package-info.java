/**
 * Node operating systems and their noise: {@link org.xtsim.node.os.OsPersonality} (Catamount,
 * Compute Node Linux, Kitten in {@link org.xtsim.node.os.OsPersonalities}), interruption sources
 * (ticks, daemons, host preemption, injected noise), and {@link
 * org.xtsim.node.os.InterruptionTimeline}, which turns a phase's work into its completion time on a
 * node from per-node primitive state ({@link org.xtsim.node.os.InterruptionState}).
 *
 * <pre>
 *  work ──►|████|tick|██████|daemon|███|──► end
 *          start                            phaseEnd(state, node, start, work, random)
 * </pre>
 */
package org.xtsim.node.os;
