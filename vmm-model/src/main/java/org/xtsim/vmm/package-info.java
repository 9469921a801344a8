/**
 * A Palacios-style VMM on a Cray XT node, as a cost model.
 *
 * <p>Entry point: {@link org.xtsim.vmm.NodeCostModel#calibrate} for a node ({@link
 * org.xtsim.node.NodeSpec}), a guest OS ({@link org.xtsim.node.os.OsPersonality}) and a {@link
 * org.xtsim.vmm.VmmConfig}: paging mode ({@link org.xtsim.vmm.PagingMode}: native, nested, shadow,
 * shadow-cached, SwapBypass, automatic through SymSpy), host page size, {@link
 * org.xtsim.vmm.ExitCosts} by {@link org.xtsim.vmm.ExitType} (world switch, handler, TLB flush on
 * VMRUN unless ASIDs), {@link org.xtsim.vmm.HostPreemption} under a {@link
 * org.xtsim.vmm.PreemptionPolicy}, {@link org.xtsim.vmm.NicConfig} (passthrough or emulated),
 * {@link org.xtsim.vmm.SymbioticCosts} and {@link org.xtsim.vmm.SwapConfig}.
 *
 * <pre>
 *   NodeCostModel m = NodeCostModel.calibrate(NodePresets.xt4(), OsPersonalities.catamount(),
 *                                             VmmConfig.nested(PageSize.SIZE_2M));
 *   CycleBreakdown c = m.cycles(phase);            // compute, memory, TLB, VMM, I/O cycles
 *   ExitCounts e = m.exits(phase);                 // expected exits by type
 *   InterruptionState s = m.newInterruptionState(nodes, seed);  // a few longs per node
 *   long end = m.phaseEnd(s, node, startPs, c.durationPs(clockHz)); // with interruptions
 *   long taken = m.hostWorkEnd(s, node, arrivalPs, receiveOverheadPs); // MPI work, too
 *   long o = m.nic().sendOverheadPs(bytes);        // what the VMM adds to a send
 * </pre>
 *
 * <p>Cost coefficients per access pattern come from the cycle-level TLB and page-walk simulator in
 * {@link org.xtsim.vmm.tlb}, computed once per configuration and shared by all nodes. {@link
 * org.xtsim.vmm.VmmProbe} runs the simulator directly (the {@code vmm-probe} command).
 */
package org.xtsim.vmm;
