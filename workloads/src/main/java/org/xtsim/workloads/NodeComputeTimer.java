package org.xtsim.workloads;

import java.util.List;
import org.xtsim.engine.RandomStream;
import org.xtsim.network.mpi.ComputeTimer;
import org.xtsim.node.ComputePhase;
import org.xtsim.node.os.InterruptionState;
import org.xtsim.vmm.NodeCostModel;

/**
 * The MPI layer's compute timer backed by the node/VMM cost model: a step's uninterrupted duration
 * comes from the cycle-level cost model (computed once per step and shared by all nodes), and the
 * interruptions that fall into it — guest ticks and their exits, host preemption, daemon and
 * injected noise — from the model's per-node interruption state, which holds each node's own random
 * stream (derived from the run seed). The same interruptions stop the MPI layer's host work ({@link
 * #hostWorkEndPs}).
 */
final class NodeComputeTimer implements ComputeTimer {
  private final NodeCostModel model;
  private final long[] stepWorkPs;
  private final InterruptionState interruptions;

  NodeComputeTimer(NodeCostModel model, List<ComputeStep> steps, int nodes, long seed) {
    this.model = model;
    this.stepWorkPs = new long[steps.size()];
    for (int i = 0; i < stepWorkPs.length; i++) {
      long ps = 0;
      for (ComputePhase phase : steps.get(i).phases()) {
        ps += model.durationPs(phase);
      }
      stepWorkPs[i] = ps;
    }
    this.interruptions = model.newInterruptionState(nodes, seed);
  }

  @Override
  public long computeEndPs(int node, long startPs, int phaseId, long amount, RandomStream random) {
    long workPs = Math.multiplyExact(stepWorkPs[phaseId], amount);
    return model.phaseEnd(interruptions, node, startPs, workPs);
  }

  @Override
  public long hostWorkEndPs(int node, long startPs, long workPs) {
    return model.hostWorkEnd(interruptions, node, startPs, workPs);
  }

  /** The uninterrupted duration of one unit of step {@code stepId}. */
  long stepWorkPs(int stepId) {
    return stepWorkPs[stepId];
  }

  InterruptionState interruptions() {
    return interruptions;
  }
}
