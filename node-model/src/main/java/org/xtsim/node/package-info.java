/**
 * A Cray XT compute node as the cost models see it: hardware ({@link org.xtsim.node.NodeSpec},
 * presets in {@link org.xtsim.node.NodePresets}: cores, clock, memory, TLB hierarchy and page-walk
 * caches) and the work it runs ({@link org.xtsim.node.ComputePhase}: flops, bytes, references, an
 * {@link org.xtsim.node.AccessPattern} and {@link org.xtsim.node.PageTableActivity}), turned into a
 * {@link org.xtsim.node.CycleBreakdown} by the cost model of {@code vmm-model}.
 *
 * <p>OS personalities and their noise are in {@link org.xtsim.node.os}.
 */
package org.xtsim.node;
