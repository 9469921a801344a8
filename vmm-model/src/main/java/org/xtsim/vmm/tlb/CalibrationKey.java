package org.xtsim.vmm.tlb;

import org.xtsim.node.AccessPattern;
import org.xtsim.node.NodeSpec;

/**
 * What a calibration depends on.
 *
 * @param node the node (TLBs, walk costs)
 * @param options paging mode, page sizes, ASID option, memory pressure (CR3 interval ignored)
 * @param pattern the access pattern, footprint already bucketed
 */
public record CalibrationKey(NodeSpec node, SimulationOptions options, AccessPattern pattern) {}
