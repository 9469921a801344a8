package org.xtsim.workloads.hpccg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xtsim.node.ComputePhase;
import org.xtsim.node.NodePresets;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.vmm.ExitType;
import org.xtsim.vmm.NodeCostModel;
import org.xtsim.vmm.VmmConfig;
import org.xtsim.workloads.ComputeStep;
import org.xtsim.workloads.RecordingMpiAccess;
import org.xtsim.workloads.WorkloadInstance;

class HpccgTest {
  private final Hpccg hpccg = new Hpccg(10, 12, 14, 150);

  @Test
  void shouldCountNonZerosOfThe27PointStencil() {
    // 2x2x2 alone: every point neighbours all 8 points.
    assertEquals(64, new Hpccg(2, 2, 2, 1).nonZeros(0, 1));
    // Interior rank of a chimney: (3nx-2)(3ny-2)(3nz).
    assertEquals(28L * 34 * 42, hpccg.nonZeros(1, 3));
    // End ranks lose one neighbouring plane; a single rank loses two.
    assertEquals(28L * 34 * 41, hpccg.nonZeros(0, 3));
    assertEquals(28L * 34 * 40, hpccg.nonZeros(0, 1));
  }

  @Test
  void shouldIssueExactly150IterationsWith299AllreducesAndTwoHaloNeighbours() {
    WorkloadInstance run = hpccg.instantiate(4, 1);
    List<String> interior = RecordingMpiAccess.trace(run, 1, 4);
    assertEquals(299, interior.stream().filter(o -> o.equals("allreduce:8")).count());
    long haloBytes = 10 * 12 * 8;
    assertEquals(150, interior.stream().filter(o -> o.equals("isend:0:1:" + haloBytes)).count());
    assertEquals(150, interior.stream().filter(o -> o.equals("isend:2:1:" + haloBytes)).count());
    assertEquals(300, interior.stream().filter(o -> o.startsWith("irecv:")).count());
    assertEquals(150, interior.stream().filter(o -> o.equals("waitall")).count());
  }

  @Test
  void shouldExchangeWithOneNeighbourAtTheEndsOfTheChimney() {
    List<String> first = RecordingMpiAccess.trace(hpccg.instantiate(4, 1), 0, 4);
    assertEquals(150, first.stream().filter(o -> o.startsWith("isend:")).count());
    List<String> alone = RecordingMpiAccess.trace(hpccg.instantiate(1, 1), 0, 1);
    assertEquals(0, alone.stream().filter(o -> o.startsWith("isend:")).count());
    assertEquals(299, alone.stream().filter(o -> o.equals("allreduce:8")).count());
  }

  @Test
  void shouldComputeOneSpmvTwoDotsAndThreeUpdatesPerIteration() {
    // Sum the flops of every compute step the program issues and compare with the closed form.
    int ranks = 3;
    WorkloadInstance run = hpccg.instantiate(ranks, 1);
    List<ComputeStep> steps = run.steps();
    List<String> ops = RecordingMpiAccess.trace(run, 1, ranks);
    double flops = 0;
    for (String op : ops) {
      if (op.startsWith("compute:")) {
        String[] p = op.substring("compute:".length()).split("x");
        flops += steps.get(Integer.parseInt(p[0])).flops() * Long.parseLong(p[1]);
      }
    }
    // The steps model rank 0 of a large job's matrix; rank 1 of 3 is interior: compare with the
    // per-iteration structure 2·nnz + 10·nrow using the matrix the steps were built for.
    long n = 10L * 12 * 14;
    double expected = 150 * (2.0 * hpccg.nonZeros(0, 2) + 10.0 * n);
    assertEquals(expected, flops, 1e-6 * expected);
  }

  @Test
  void shouldTouchAllItsMemoryOnceBeforeTheSolveAndTakeNestedFaultsThere() {
    WorkloadInstance run = hpccg.instantiate(2, 1);
    List<String> ops = RecordingMpiAccess.trace(run, 0, 2);
    String first = ops.get(0);
    ComputeStep setup = run.steps().get(Integer.parseInt(first.split(":")[1].split("x")[0]));
    assertEquals("setup", setup.name());
    long memory = 10L * 12 * 14 * Hpccg.MEMORY_BYTES_PER_ROW;
    ComputePhase touch = setup.phases().get(0);
    assertEquals(memory, touch.pageTableActivity().firstTouchBytes());
    long pages4k = (memory + 4095) / 4096;
    NodeCostModel nested4k =
        NodeCostModel.calibrate(
            NodePresets.xt4(), OsPersonalities.catamount(), VmmConfig.nested(PageSize.SIZE_4K));
    assertEquals(pages4k, nested4k.exits(touch).get(ExitType.NPF), 0);
    NodeCostModel nested2m =
        NodeCostModel.calibrate(
            NodePresets.xt4(), OsPersonalities.catamount(), VmmConfig.nested(PageSize.SIZE_2M));
    assertEquals((memory + (2 << 20) - 1) / (2 << 20), nested2m.exits(touch).get(ExitType.NPF), 0);
    assertTrue(nested4k.cycles(touch).vmm() > nested2m.cycles(touch).vmm());
    NodeCostModel nativeNode =
        NodeCostModel.calibrate(
            NodePresets.xt4(), OsPersonalities.catamount(), VmmConfig.nativeNode());
    assertEquals(0, nativeNode.exits(touch).total(), 0);
  }
}
