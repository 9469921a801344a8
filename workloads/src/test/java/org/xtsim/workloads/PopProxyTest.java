package org.xtsim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.node.NodePresets;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.NoiseInjection;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.vmm.VmmConfig;
import org.xtsim.workloads.proxies.PopProxy;

class PopProxyTest {
  private static final int STEPS = 2;
  private static final int ITERATIONS = 20;
  private static final int CHECK = 10;
  private final PopProxy pop = new PopProxy(6, 4, 5, 100, 80, 3, ITERATIONS, CHECK, STEPS);

  @Test
  void shouldSumEveryIterationAndCheckConvergenceEveryTenth() {
    List<String> ops = RecordingMpi.trace(pop.instantiate(16, 1), 5, 16);
    assertEquals(STEPS * ITERATIONS, ops.stream().filter(o -> o.equals("allreduce:16")).count());
    assertEquals(
        STEPS * ITERATIONS / CHECK, ops.stream().filter(o -> o.equals("allreduce:8")).count());
    assertEquals(
        STEPS * pop.globalSumsPerStep(), ops.stream().filter(o -> o.startsWith("all")).count());
  }

  @Test
  void shouldExchangeHalosWithFourNeighboursSizedByTheBlockEdges() {
    // 16 ranks: a 4 x 4 grid; rank 5 is at (1, 1), an interior rank.
    List<String> ops = RecordingMpi.trace(pop.instantiate(16, 1), 5, 16);
    long westEast3d = 4L * 2 * 5 * 3 * 8; // block_y x halo width x levels x fields x 8 B
    long southNorth3d = 6L * 2 * 5 * 3 * 8;
    assertEquals(STEPS, ops.stream().filter(o -> o.equals("isend:4:20:" + westEast3d)).count());
    assertEquals(STEPS, ops.stream().filter(o -> o.equals("isend:6:21:" + westEast3d)).count());
    assertEquals(STEPS, ops.stream().filter(o -> o.equals("isend:1:22:" + southNorth3d)).count());
    assertEquals(STEPS, ops.stream().filter(o -> o.equals("isend:9:23:" + southNorth3d)).count());
    long westEast2d = 4L * 2 * 8;
    long southNorth2d = 6L * 2 * 8;
    assertEquals(
        STEPS * ITERATIONS, ops.stream().filter(o -> o.equals("isend:4:30:" + westEast2d)).count());
    assertEquals(
        STEPS * ITERATIONS,
        ops.stream().filter(o -> o.equals("isend:9:33:" + southNorth2d)).count());
    assertEquals(
        4L * STEPS * (1 + ITERATIONS), ops.stream().filter(o -> o.startsWith("isend")).count());
    assertEquals(
        ops.stream().filter(o -> o.startsWith("isend")).count(),
        ops.stream().filter(o -> o.startsWith("irecv")).count());
  }

  @Test
  void shouldWrapInLongitudeAndStopAtThePoles() {
    // Rank 0 of a 4 x 4 grid: west neighbour 3 (periodic), east 1, no south, north 4.
    List<String> ops = RecordingMpi.trace(pop.instantiate(16, 1), 0, 16);
    assertEquals(
        3L * STEPS * (1 + ITERATIONS), ops.stream().filter(o -> o.startsWith("isend")).count());
    assertTrue(ops.stream().anyMatch(o -> o.startsWith("isend:3:30:")));
    // A single rank spans the globe and exchanges nothing, but still sums.
    List<String> alone = RecordingMpi.trace(pop.instantiate(1, 1), 0, 1);
    assertEquals(0, alone.stream().filter(o -> o.startsWith("isend")).count());
    assertEquals(
        STEPS * pop.globalSumsPerStep(), alone.stream().filter(o -> o.startsWith("all")).count());
  }

  @Test
  void shouldComputeTheBaroclinicPhaseAndEverySolverIteration() {
    WorkloadInstance run = pop.instantiate(4, 1);
    List<ComputeStep> steps = run.steps();
    double flops = 0;
    for (String op : RecordingMpi.trace(run, 2, 4)) {
      if (op.startsWith("compute:")) {
        String[] p = op.substring("compute:".length()).split("x");
        flops += steps.get(Integer.parseInt(p[0])).flops() * Long.parseLong(p[1]);
      }
    }
    double columns = 6 * 4;
    double expected = STEPS * (columns * 5 * 100 + ITERATIONS * columns * 30);
    assertEquals(expected, flops, 1e-9 * expected);
    assertEquals(STEPS * pop.flopsPerStep(), flops, 1e-9 * expected);
  }

  private static WorkloadResult run(
      String workload, Map<String, ?> params, NodeSpec node, int nodes, NoiseInjection noise) {
    return WorkloadRun.builder()
        .workload(WorkloadCatalog.standard().create(workload, params))
        .system(node, OsPersonalities.catamount(), Runs.NATIVE)
        .network(LogGopsParams.defaults())
        .noise(noise)
        .nodes(nodes)
        .threads(1)
        .seed(42)
        .run();
  }

  @Test
  void shouldSumEveryTenthToOneMillisecondInTheDefaultConfiguration() {
    // The figure: POP's barotropic solver calls a small allreduce every 0.1-1 ms.
    for (NodeSpec node : new NodeSpec[] {NodePresets.xt3DualCore(), NodePresets.xt4()}) {
      double intervalMs =
          run("pop", Map.of("steps", 1), node, 64, null).metric("allreduce_interval").value();
      assertTrue(intervalMs >= 0.1 && intervalMs <= 1, node.name() + ": " + intervalMs + " ms");
    }
  }

  @Test
  void shouldSlowDownMoreThanHpccgUnderTheSameNetNoiseAtScale() {
    // Ferreira, Bridges, Brightwell (SC08): 2.5 % net noise costs POP far more than the others,
    // because it synchronises every few hundred microseconds. 100 Hz x 250 us, 1,024 nodes.
    NoiseInjection noise = new NoiseInjection(100, SimTime.us(250), false);
    int nodes = 1024;
    NodeSpec node = NodePresets.xt3DualCore();
    Map<String, Object> popParams = Map.of("steps", 1);
    double popSlowdown =
        run("pop", popParams, node, nodes, noise).metric("run_time").value()
            / run("pop", popParams, node, nodes, null).metric("run_time").value();
    Map<String, Object> hpccgParams = Map.of("nx", 50, "ny", 50, "nz", 50, "iterations", 30);
    double hpccgSlowdown =
        run("hpccg", hpccgParams, node, nodes, noise).metric("iteration_time").value()
            / run("hpccg", hpccgParams, node, nodes, null).metric("iteration_time").value();
    assertTrue(hpccgSlowdown >= 1, "noise never speeds a run up: " + hpccgSlowdown);
    assertTrue(
        popSlowdown > hpccgSlowdown + 0.1,
        "POP x" + popSlowdown + " against HPCCG x" + hpccgSlowdown);
  }

  @Test
  void shouldGiveIdenticalResultsWithOneTwoAndFourThreads() {
    Map<String, Object> small = Map.of("steps", 2, "solver_iterations", 12, "levels", 4);
    NoiseInjection noise = new NoiseInjection(1_000, SimTime.us(25), false);
    String[] results = new String[3];
    int[] threads = {1, 2, 4};
    for (int i = 0; i < 3; i++) {
      WorkloadResult r =
          Runs.run(
              "pop",
              small,
              "cnl",
              VmmConfig.automatic(PageSize.SIZE_4K),
              16,
              threads[i],
              SeastarSpec.preset("redstorm"),
              noise);
      results[i] = r.metrics().toString() + r.statistics().committedEvents();
    }
    assertEquals(results[0], results[1]);
    assertEquals(results[0], results[2]);
  }
}
