package org.xtsim.vmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.EventHandler;
import org.xtsim.engine.SimTime;
import org.xtsim.engine.Simulation;
import org.xtsim.engine.SimulationBuilder;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.node.NodePresets;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.InterruptionState;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.vmm.tlb.CalibrationCache;

/**
 * The models driven the way the workloads layer will drive them: nodes of a parallel run compute a
 * phase (cost from the shared model, interruptions from per-node state and the node's own random
 * stream), then meet at a barrier (component 0). The outcome must not depend on the thread count.
 */
class BulkSynchronousRunTest {
  private static final int GO = 0;
  private static final int DONE = 1;
  private static final long LATENCY_PS = SimTime.us(2);
  private static final int ITERATIONS = 30;

  private static final class Bsp implements EventHandler {
    final NodeCostModel model;
    final InterruptionState state;
    final long workPs;
    final int nodes;
    final long[] arrived = new long[1];
    final long[] iteration = new long[1];
    final long[] barrierTimes = new long[ITERATIONS];

    Bsp(NodeCostModel model, int nodes, long workPs) {
      this.model = model;
      this.nodes = nodes;
      this.state = model.newInterruptionState(nodes + 1, 1);
      this.workPs = workPs;
    }

    @Override
    public void init(Context ctx) {
      if (ctx.self() == 0) {
        for (int n = 1; n <= nodes; n++) {
          ctx.sendTo(n, LATENCY_PS, GO, 0, 0, 0);
        }
      }
    }

    @Override
    public void onEvent(Event e, Context ctx) {
      if (e.type() == GO) {
        long end = model.phaseEnd(state, ctx.self(), ctx.nowPs(), workPs);
        ctx.sendTo(0, end - ctx.nowPs() + LATENCY_PS, DONE, 0, 0, 0);
      } else if (++arrived[0] == nodes) {
        arrived[0] = 0;
        barrierTimes[(int) iteration[0]] = ctx.nowPs();
        if (++iteration[0] < ITERATIONS) {
          for (int n = 1; n <= nodes; n++) {
            ctx.sendTo(n, LATENCY_PS, GO, 0, 0, 0);
          }
        }
      }
    }
  }

  private static long[] run(PreemptionPolicy policy, int threads) {
    NodeCostModel model =
        NodeCostModel.calibrate(
            NodePresets.xt4(),
            OsPersonalities.catamount(),
            VmmConfig.nested(PageSize.SIZE_2M).withPreemption(HostPreemption.of(policy)),
            new CalibrationCache(1 << 15));
    ComputePhase phase =
        ComputePhase.of(2e6, 4e6, 1e6, AccessPattern.of(AccessKind.STENCIL, 64L << 20));
    int nodes = 256;
    Bsp bsp = new Bsp(model, nodes, model.durationPs(phase));
    SimulationBuilder b = Simulation.builder().seed(7).threads(threads).endTimePs(SimTime.NEVER);
    b.addComponents(nodes + 1, bsp);
    b.connectAll(LATENCY_PS);
    b.build().run();
    return bsp.barrierTimes;
  }

  @Test
  void shouldGiveTheSameBarrierTimesWithOneTwoAndFourThreads() {
    long[] one = run(PreemptionPolicy.UNCONTROLLED, 1);
    assertArrayEquals(one, run(PreemptionPolicy.UNCONTROLLED, 2));
    assertArrayEquals(one, run(PreemptionPolicy.UNCONTROLLED, 4));
  }

  @Test
  void shouldFinishEarlierWithControlledPreemption() {
    long uncontrolled = run(PreemptionPolicy.UNCONTROLLED, 2)[ITERATIONS - 1];
    long aligned = run(PreemptionPolicy.ALIGNED, 2)[ITERATIONS - 1];
    long deferred = run(PreemptionPolicy.DEFERRED, 2)[ITERATIONS - 1];
    long none = run(PreemptionPolicy.NONE, 2)[ITERATIONS - 1];
    // Uncontrolled: with 256 nodes some node is preempted in nearly every iteration. Aligned: only
    // the iterations that contain a common host tick pay. Deferred: host work waits for idle time
    // and delays only what the short barrier wait cannot absorb.
    assertTrue(aligned < uncontrolled, aligned + " vs " + uncontrolled);
    assertTrue(deferred < uncontrolled, deferred + " vs " + uncontrolled);
    assertTrue(none < aligned && none < deferred);
    assertTrue(uncontrolled - none > 3 * (aligned - none), "uncontrolled costs several times more");
  }
}
