package org.xtsim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;
import org.xtsim.network.mpi.CollectiveTiming;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.node.NodePresets;
import org.xtsim.node.PageSize;
import org.xtsim.node.os.DurationDistribution;
import org.xtsim.node.os.OsPersonalities;
import org.xtsim.vmm.HostOs;
import org.xtsim.vmm.HostPreemption;
import org.xtsim.vmm.PreemptionPolicy;
import org.xtsim.vmm.VmmConfig;

/**
 * Host preemption as it acts at scale (Lange et al., VEE 2011: carefully controlled preemption is
 * essential): an interruption stops everything a node does, so a free-running host scheduler's
 * ticks on one node delay its partners in every allreduce, and the more nodes the more often some
 * node is hit. Host work deferred to the guest's idle time costs the same at any scale, unless the
 * host cannot wait for it.
 */
class PreemptionAtScaleTest {
  private static final Map<String, Object> HPCCG_QUICK =
      Map.of("nx", 30, "ny", 30, "nz", 30, "iterations", 50);

  private static SeastarSpec idleLinks() {
    SeastarSpec net = SeastarSpec.preset("redstorm");
    return net.withParams(net.params().withLinkContention(false).withPacketBytes(65536));
  }

  private static double seconds(
      Map<String, Object> params, HostPreemption preemption, int nodes, long seed) {
    return WorkloadRun.builder()
        .workload(WorkloadCatalog.standard().create("hpccg", params))
        .system(
            NodePresets.xt4(),
            OsPersonalities.catamount(),
            VmmConfig.nested(PageSize.SIZE_2M).withPreemption(preemption))
        .network(idleLinks())
        .collectiveTiming(CollectiveTiming.DATAFLOW)
        .nodes(nodes)
        .seed(seed)
        .run()
        .metric("completion_time")
        .value();
  }

  /** A Kitten host whose tick work always takes its mean (no tail). */
  private static final HostOs KITTEN_FIXED =
      HostOs.kitten().withWorkDuration(DurationDistribution.Kind.FIXED, 0);

  /** Overhead of {@code policy} on {@code host} over no preemption, in percent. */
  private static double overheadPct(PreemptionPolicy policy, HostOs host, int nodes) {
    double none = seconds(HPCCG_QUICK, HostPreemption.of(PreemptionPolicy.NONE), nodes, 1);
    HostPreemption p = HostPreemption.of(policy).withHost(host);
    return 100 * (seconds(HPCCG_QUICK, p, nodes, 1) / none - 1);
  }

  @Test
  void shouldCostMoreAtScaleWhenUncontrolledAndTheSameWhenControlled() {
    // Deferral in isolation: tick work of a fixed length, which the guest's idle time absorbs.
    double u1 = overheadPct(PreemptionPolicy.UNCONTROLLED, KITTEN_FIXED, 1);
    double u64 = overheadPct(PreemptionPolicy.UNCONTROLLED, KITTEN_FIXED, 64);
    double u512 = overheadPct(PreemptionPolicy.UNCONTROLLED, KITTEN_FIXED, 512);
    double c1 = overheadPct(PreemptionPolicy.DEFERRED, KITTEN_FIXED, 1);
    double c64 = overheadPct(PreemptionPolicy.DEFERRED, KITTEN_FIXED, 64);
    double c512 = overheadPct(PreemptionPolicy.DEFERRED, KITTEN_FIXED, 512);
    String all =
        String.format(
            "uncontrolled %.3f / %.3f / %.3f %%, controlled %.3f / %.3f / %.3f %%",
            u1, u64, u512, c1, c64, c512);
    assertTrue(u64 > u1 + 0.2 && u512 > u64, "uncontrolled grows with nodes: " + all);
    assertTrue(
        Math.abs(c64 - c1) < 0.2 && Math.abs(c512 - c1) < 0.2,
        "controlled stays within 0.2 points of one node: " + all);
    assertTrue(u512 > c512 + 0.5, "controlled is what keeps it small at scale: " + all);
  }

  @Test
  void shouldCostMoreAtScaleWhenTheHostsTickWorkHasAHeavyTail() {
    // The same mean work per tick: on one node the tail changes little, across 512 nodes the
    // longest of many draws sets the pace of every allreduce.
    HostOs pareto = HostOs.kitten();
    assertEquals(DurationDistribution.Kind.PARETO, pareto.workDuration());
    double fixed1 = overheadPct(PreemptionPolicy.UNCONTROLLED, KITTEN_FIXED, 1);
    double tail1 = overheadPct(PreemptionPolicy.UNCONTROLLED, pareto, 1);
    double fixed512 = overheadPct(PreemptionPolicy.UNCONTROLLED, KITTEN_FIXED, 512);
    double tail512 = overheadPct(PreemptionPolicy.UNCONTROLLED, pareto, 512);
    String all =
        String.format(
            "fixed %.3f / %.3f %%, Pareto %.3f / %.3f %% (1 / 512 nodes)",
            fixed1, fixed512, tail1, tail512);
    assertTrue(Math.abs(tail1 - fixed1) < 0.1, "same mean on one node: " + all);
    assertTrue(tail512 > fixed512 + 0.5, "the tail is what grows at scale: " + all);
  }

  @Test
  void shouldHideTheTailWhenTheHostWaitsForIdleTimeAndNotWhenItCannotWait() {
    // Controlled preemption with heavy-tailed tick work: the long pieces are done over many idle
    // gaps, so scale changes little. A host that lets its work wait only one of Palacios's
    // scheduler periods (10 ms) hands the long pieces back to the guest's time, as uncontrolled.
    HostOs pareto = HostOs.kitten();
    double c1 = overheadPct(PreemptionPolicy.DEFERRED, pareto, 1);
    double c512 = overheadPct(PreemptionPolicy.DEFERRED, pareto, 512);
    double none512 = seconds(HPCCG_QUICK, HostPreemption.of(PreemptionPolicy.NONE), 512, 1);
    HostPreemption impatient =
        HostPreemption.of(PreemptionPolicy.DEFERRED)
            .withHost(pareto)
            .withDeferralLimit(SimTime.seconds(1 / HostPreemption.PALACIOS_TICK_HZ));
    double limited512 = 100 * (seconds(HPCCG_QUICK, impatient, 512, 1) / none512 - 1);
    double u512 = overheadPct(PreemptionPolicy.UNCONTROLLED, pareto, 512);
    String all =
        String.format(
            "controlled %.3f / %.3f %% (1 / 512 nodes), limited to 10 ms %.3f %%, uncontrolled"
                + " %.3f %% (512 nodes)",
            c1, c512, limited512, u512);
    assertTrue(Math.abs(c512 - c1) < 0.2, "controlled stays within 0.2 points: " + all);
    assertTrue(limited512 > c512 + 0.25, "a host that cannot wait shows the tail: " + all);
    assertTrue(u512 >= limited512, "uncontrolled costs at least as much: " + all);
  }

  @Test
  void shouldNeverRunFasterWithMoreFrequentOrLongerHostPreemption() {
    // Property over random configurations: doubling the host tick rate or the host work per tick
    // never makes the mean run time (over replicates) shorter.
    Map<String, Object> small = Map.of("nx", 16, "ny", 16, "nz", 16, "iterations", 20);
    SplittableRandom draw = new SplittableRandom(2011);
    PreemptionPolicy[] policies = {
      PreemptionPolicy.UNCONTROLLED, PreemptionPolicy.ALIGNED, PreemptionPolicy.DEFERRED
    };
    int replicates = 3;
    for (int config = 0; config < 6; config++) {
      PreemptionPolicy policy = policies[draw.nextInt(policies.length)];
      HostOs host = draw.nextBoolean() ? HostOs.kitten() : HostOs.linux();
      double hz = 20 + draw.nextDouble() * 480;
      long cycles = 5_000 + draw.nextInt(100_000);
      int nodes = 1 << draw.nextInt(2, 6);
      HostPreemption base = new HostPreemption(policy, hz, cycles, host);
      HostPreemption faster = new HostPreemption(policy, 2 * hz, cycles, host);
      HostPreemption longer = new HostPreemption(policy, hz, 2 * cycles, host);
      double t = 0;
      double tFaster = 0;
      double tLonger = 0;
      for (long seed = 1; seed <= replicates; seed++) {
        t += seconds(small, base, nodes, seed);
        tFaster += seconds(small, faster, nodes, seed);
        tLonger += seconds(small, longer, nodes, seed);
      }
      String what = base + " on " + nodes + " nodes";
      assertTrue(tFaster >= t, "twice the rate ran faster: " + what);
      assertTrue(tLonger >= t, "twice the host work ran faster: " + what);
    }
  }
}
