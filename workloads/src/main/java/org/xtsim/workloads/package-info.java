/**
 * HPC workloads that drive the simulated machine, and the run driver that puts a workload on a
 * node/VMM configuration and a network.
 *
 * <pre>
 *   WorkloadCatalog ──create(params)──► Workload ──instantiate(ranks, seed)──► WorkloadInstance
 *                                                                              │ a RankProgram:
 *   WorkloadRun: NodeCostModel (node, guest OS, VMM) ─► NodeComputeTimer        │ lazy per-rank
 *                NodeCostModel.nic()                  ─► VmmNicCosts            │ state machines
 *                NetworkSpec (SeaStar or LogGOPS)     ─► MpiJob ◄───────────────┘
 *                                                       └─► JobResult ─► WorkloadResult (metrics,
 *                                                                        distributions, events)
 * </pre>
 *
 * <p>A workload never sees the torus or the TLBs: it issues MPI operations and names compute steps
 * (combinations of {@link org.xtsim.node.ComputePhase}s with their access patterns); the node/VMM
 * model turns each step into cycles — compute, memory, TLB, VMM exits — and adds the interruptions
 * (timer ticks, host preemption, daemons, injected noise) that fall into it.
 */
package org.xtsim.workloads;
